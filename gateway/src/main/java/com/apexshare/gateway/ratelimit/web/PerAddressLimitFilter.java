package com.apexshare.gateway.ratelimit.web;

import java.io.IOException;
import java.util.List;

import org.springframework.web.filter.OncePerRequestFilter;

import com.apexshare.gateway.client.web.Clients;
import com.apexshare.gateway.ratelimit.BucketKeys;
import com.apexshare.gateway.ratelimit.Limit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One bucket per client address, before sign-in and sessions are touched: the API, the student links, sign-in and
 * logout, the API descriptions. The web app's static files are left out: they are cheap, cacheable, and a page load
 * fetches several at once.
 */
final class PerAddressLimitFilter extends OncePerRequestFilter {

    private static final List<String> LIMITED = List.of("/api/", "/d/", "/oauth2/", "/login", "/logout", "/v3/",
            "/api-docs");

    private final EdgeLimiter limiter;
    private final Clients clients;
    private final TooManyRequests answer;
    private final Limit limit;

    PerAddressLimitFilter(EdgeLimiter limiter, Clients clients, TooManyRequests answer, Limit limit) {
        this.limiter = limiter;
        this.clients = clients;
        this.answer = answer;
        this.limit = limit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        for (String prefix : LIMITED) {
            if (path.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        EdgeLimiter.Decision decision = limiter.tryConsume(BucketKeys.address(clients.of(request).address()), limit);
        if (!decision.allowed()) {
            answer.write(response, decision);
            return;
        }
        chain.doFilter(request, response);
    }
}
