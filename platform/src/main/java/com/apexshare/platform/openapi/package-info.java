/** The service's API description at {@code /v3/api-docs}: title, description and the bearer scheme. */
package com.apexshare.platform.openapi;
