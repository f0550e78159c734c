package com.apexshare.gateway.ratelimit.web;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerResponse;

import com.apexshare.platform.web.ErrorBodyWriter;
import com.apexshare.platform.web.ErrorResponse;

import jakarta.servlet.http.HttpServletResponse;

/** The 429 answer: {@code Retry-After} (whole seconds until a token is back) and the error body. */
final class TooManyRequests {

    static final String CODE = "RATE_LIMITED";
    static final String REMAINING = "X-RateLimit-Remaining";
    private static final String MESSAGE = "Too many requests; try again after the time in Retry-After";

    private final ErrorBodyWriter errors;

    TooManyRequests(ErrorBodyWriter errors) {
        this.errors = errors;
    }

    void write(HttpServletResponse response, EdgeLimiter.Decision decision) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        response.setHeader(REMAINING, "0");
        errors.write(response, HttpStatus.TOO_MANY_REQUESTS, CODE, MESSAGE);
    }

    ServerResponse response(EdgeLimiter.Decision decision) {
        return ServerResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()))
                .header(REMAINING, "0")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.APPLICATION_JSON)
                .body(ErrorResponse.of(HttpStatus.TOO_MANY_REQUESTS.value(), CODE, MESSAGE));
    }
}
