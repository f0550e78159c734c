/**
 * HTTP adapter of the links: the browser redirect {@code /d/{token}}, the JSON API {@code /api/v1/downloads/{token}},
 * and the student page's {@code …/{token}/info} (counts nothing) and {@code …/{token}/start} (counts once per visit).
 */
package com.apexshare.download.link.web;
