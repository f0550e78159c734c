/** Servlet adapter of {@code client}: resolves the caller once per request and keeps it as a request attribute. */
package com.apexshare.gateway.client.web;
