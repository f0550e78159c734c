package com.apexshare.gateway.routing.web;

import java.util.Locale;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;

import com.apexshare.gateway.client.Client;
import com.apexshare.gateway.client.web.Clients;

/**
 * What the services are told about the client: {@code X-Forwarded-For} is the one address the gateway resolved (so a
 * service that trusts the gateway reads the client, never a hop of our own network or what the client made up),
 * {@code X-Forwarded-Proto} and {@code -Host} what the client used. Whatever forwarding headers arrived are dropped
 * first, and so are the browser's cookies: the session cookie is the gateway's credential, the services are
 * stateless bearer-token APIs. Runs after Spring Cloud Gateway's own header filters.
 */
final class ForwardedHeaders implements HttpHeadersFilter.RequestHttpHeadersFilter, Ordered {

    private final Clients clients;

    ForwardedHeaders(Clients clients) {
        this.clients = clients;
    }

    @Override
    public HttpHeaders apply(HttpHeaders input, ServerRequest request) {
        HttpHeaders headers = new HttpHeaders();
        input.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("x-forwarded-") && !lower.equals("forwarded") && !lower.equals("cookie")) {
                headers.addAll(name, values);
            }
        });
        Client client = clients.of(request.servletRequest());
        headers.set("X-Forwarded-For", client.address());
        headers.set("X-Forwarded-Proto", client.scheme());
        if (client.host() != null) {
            headers.set("X-Forwarded-Host", client.host());
        }
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
