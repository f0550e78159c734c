/**
 * Spring Cloud Gateway (server-webmvc) adapter of {@code routing}: the routes in the Java DSL with their filters
 * (token relay, per-trainer limit, timer), the path guard in front of everything, the forwarded headers the services
 * are told, the API-description index, and the answers when a service is away.
 */
package com.apexshare.gateway.routing.web;
