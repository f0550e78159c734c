package com.apexshare.download.ratelimit;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses link look-ups beyond the per-client budget with 429 and {@code Retry-After}. Buckets live in a bounded
 * Caffeine map: an evicted (idle) bucket simply starts full again, so memory stays bounded under address spraying.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private static final String BODY = "{\"success\":false,\"error\":{\"status\":429,\"code\":\"RATE_LIMITED\","
            + "\"message\":\"Too many download link requests from your address; try again in a few seconds\","
            + "\"fields\":[]}}";

    private final ClientAddressResolver clients;
    private final Cache<String, TokenBucket> buckets;
    private final int burst;
    private final double ratePerSecond;
    private final LongSupplier nanoTime;
    private final Counter refused;

    RateLimitFilter(ClientAddressResolver clients, double ratePerSecond, int burst, int maxClients, LongSupplier nanoTime,
            Counter refused) {
        this.clients = clients;
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.nanoTime = nanoTime;
        this.refused = refused;
        // A bucket idle for longer than it takes to refill is full anyway: dropping it loses nothing.
        Duration refill = Duration.ofNanos((long) Math.ceil(burst / ratePerSecond * 1e9)).plusSeconds(1);
        this.buckets = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(refill).build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> forwarded = Collections.list(request.getHeaders("X-Forwarded-For"));
        String client = clients.clientAddress(request.getRemoteAddr(), forwarded);
        long now = nanoTime.getAsLong();
        long waitNanos = buckets.get(client, key -> new TokenBucket(burst, ratePerSecond, now)).tryTake(now);
        if (waitNanos == 0) {
            chain.doFilter(request, response);
            return;
        }
        refused.increment();
        long retryAfterSeconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write(BODY);
    }
}
