package com.apexshare.gateway.ratelimit.web;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import com.apexshare.gateway.ratelimit.BucketKeys;
import com.apexshare.gateway.ratelimit.Limit;

/**
 * One bucket per trainer on the API routes: the OIDC subject of a browser session, or the hash of an API client's
 * bearer token. Requests with neither (a student's link lookup) are limited per address only.
 */
public final class PerTrainerLimit implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final String BEARER = "bearer ";

    private final EdgeLimiter limiter;
    private final TooManyRequests answer;
    private final Limit limit;

    PerTrainerLimit(EdgeLimiter limiter, TooManyRequests answer, Limit limit) {
        this.limiter = limiter;
        this.answer = answer;
        this.limit = limit;
    }

    @Override
    public ServerResponse filter(ServerRequest request, org.springframework.web.servlet.function.HandlerFunction<ServerResponse> next)
            throws Exception {
        String key = key(request);
        if (key == null) {
            return next.handle(request);
        }
        EdgeLimiter.Decision decision = limiter.tryConsume(key, limit);
        if (!decision.allowed()) {
            return answer.response(decision);
        }
        return next.handle(request);
    }

    private static String key(ServerRequest request) {
        String authorization = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return BucketKeys.bearer(authorization.substring(BEARER.length()).trim());
        }
        if (request.servletRequest().getUserPrincipal() instanceof OAuth2AuthenticationToken token) {
            return BucketKeys.subject(token.getName());
        }
        return null;
    }
}
