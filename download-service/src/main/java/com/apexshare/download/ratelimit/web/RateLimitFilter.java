package com.apexshare.download.ratelimit.web;

import java.io.IOException;
import java.util.Collections;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.apexshare.download.link.DownloadMetrics;
import com.apexshare.download.ratelimit.RateLimiter;
import com.apexshare.platform.web.ErrorBodyWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Refuses link look-ups beyond the client's budget with 429, {@code Retry-After} and the error body. */
class RateLimitFilter extends OncePerRequestFilter {

    static final String MESSAGE = "Too many download link requests from your address; try again in a few seconds";

    private final RateLimiter limiter;
    private final ErrorBodyWriter errors;
    private final DownloadMetrics metrics;

    RateLimitFilter(RateLimiter limiter, ErrorBodyWriter errors, DownloadMetrics metrics) {
        this.limiter = limiter;
        this.errors = errors;
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimiter.Admission admission = limiter.admit(request.getRemoteAddr(),
                Collections.list(request.getHeaders("X-Forwarded-For")));
        if (admission.admitted()) {
            chain.doFilter(request, response);
            return;
        }
        metrics.refused(DownloadMetrics.Refusal.RATE_LIMITED);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(admission.retryAfterSeconds()));
        errors.write(response, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", MESSAGE);
    }
}
