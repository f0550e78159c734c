/**
 * Servlet adapter of {@code edge}: the filters that run before anything else (access log, security headers, path
 * guard, body cap, per-address limit), in the order {@link com.apexshare.gateway.edge.web.EdgeFilterOrder} gives.
 */
package com.apexshare.gateway.edge.web;
