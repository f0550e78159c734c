/** Spring MVC adapter of {@code webapp}: resource handlers with their caching headers and the client-route fallback. */
package com.apexshare.gateway.webapp.web;
