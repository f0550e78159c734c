/**
 * The public paths and who serves them. Only the listed paths route; the services' own actuator and API description
 * are never reachable through the gateway. A request path must already be in canonical form ({@link
 * com.apexshare.gateway.routing.PathGuard}): no dot segments, empty segments, matrix parameters, backslashes or encoded
 * separators, so that the path a route matched is exactly the path a service sees.
 */
package com.apexshare.gateway.routing;
