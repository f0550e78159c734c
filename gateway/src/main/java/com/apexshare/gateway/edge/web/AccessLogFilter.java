package com.apexshare.gateway.edge.web;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import com.apexshare.gateway.client.web.Clients;
import com.apexshare.gateway.edge.LinkTokens;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One line per request on the logger {@code com.apexshare.gateway.access}: client address, method, path and query,
 * status, time, route, Referer and User-Agent. Link tokens are masked in the path, the query and the Referer
 * ({@link LinkTokens}); Tomcat's own access log stays off because it cannot mask them.
 */
public final class AccessLogFilter extends OncePerRequestFilter {

    /** The request attribute a route sets to its id, for the log line. */
    public static final String ROUTE_ATTRIBUTE = AccessLogFilter.class.getName() + ".route";

    private static final Logger LOG = LoggerFactory.getLogger("com.apexshare.gateway.access");

    private final Clients clients;

    AccessLogFilter(Clients clients) {
        this.clients = clients;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (LOG.isInfoEnabled()) {
                log(request, response, (System.nanoTime() - start) / 1_000_000.0);
            }
        }
    }

    private void log(HttpServletRequest request, HttpServletResponse response, double millis) {
        String query = request.getQueryString();
        String target = query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
        Object route = request.getAttribute(ROUTE_ATTRIBUTE);
        LOG.info("{} \"{} {}\" {} {} ms route={} referer=\"{}\" agent=\"{}\"", clients.of(request).address(),
                request.getMethod(), LinkTokens.mask(target), response.getStatus(),
                String.format(java.util.Locale.ROOT, "%.1f", millis), route == null ? "-" : route,
                orDash(LinkTokens.mask(request.getHeader("Referer"))), orDash(request.getHeader("User-Agent")));
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
