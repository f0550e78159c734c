package com.apexshare.gateway.routing.web;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerResponse;

import com.apexshare.gateway.edge.SecurityHeaders;

/**
 * Drops the services' own security headers from proxied answers: the gateway has set its own on the response
 * already, and a header sent twice ({@code X-Frame-Options: DENY, DENY}) is one browsers may ignore. A service's
 * {@code Set-Cookie} is dropped too: the gateway's origin has one cookie owner, the gateway.
 */
final class ServiceAnswerHeaders implements HttpHeadersFilter.ResponseHttpHeadersFilter, Ordered {

    @Override
    public HttpHeaders apply(HttpHeaders input, ServerResponse response) {
        HttpHeaders headers = new HttpHeaders();
        input.forEach((name, values) -> {
            if (SecurityHeaders.NAMES.stream().noneMatch(name::equalsIgnoreCase)
                    && !name.equalsIgnoreCase("Set-Cookie")) {
                headers.addAll(name, values);
            }
        });
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
