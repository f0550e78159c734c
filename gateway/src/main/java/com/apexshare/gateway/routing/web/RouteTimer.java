package com.apexshare.gateway.routing.web;

import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import com.apexshare.gateway.edge.web.AccessLogFilter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times each proxied request per route, method and status ({@code apexshare.gateway.route.requests}): from the route
 * match to the service's answer headers (the body streams afterwards). Also names the route for the access log.
 */
final class RouteTimer {

    static final String METRIC = "apexshare.gateway.route.requests";

    private final MeterRegistry registry;

    RouteTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    HandlerFilterFunction<ServerResponse, ServerResponse> timed(String routeId) {
        return (ServerRequest request, HandlerFunction<ServerResponse> next) -> {
            request.servletRequest().setAttribute(AccessLogFilter.ROUTE_ATTRIBUTE, routeId);
            Timer.Sample sample = Timer.start(registry);
            String status = "ERROR";
            try {
                ServerResponse response = next.handle(request);
                status = Integer.toString(response.statusCode().value());
                return response;
            } finally {
                sample.stop(Timer.builder(METRIC).description("Proxied requests, until the service's answer headers")
                        .tag("route", routeId).tag("method", request.method().name()).tag("status", status)
                        .tag("outcome", outcome(status)).publishPercentileHistogram()
                        .minimumExpectedValue(java.time.Duration.ofMillis(1))
                        .maximumExpectedValue(java.time.Duration.ofSeconds(30)).register(registry));
            }
        };
    }

    private static String outcome(String status) {
        return switch (status.charAt(0)) {
            case '1' -> "INFORMATIONAL";
            case '2' -> "SUCCESS";
            case '3' -> "REDIRECTION";
            case '4' -> "CLIENT_ERROR";
            case '5' -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }
}
