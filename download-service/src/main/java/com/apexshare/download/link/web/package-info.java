/** HTTP adapter of the links: the browser redirect {@code /d/{token}} and the JSON API {@code /api/v1/downloads/{token}}. */
package com.apexshare.download.link.web;
