package com.apexshare.gateway.client.web;

import java.util.Collections;

import com.apexshare.gateway.client.Client;
import com.apexshare.gateway.client.ClientResolver;

import jakarta.servlet.http.HttpServletRequest;

/** The resolved {@link Client} of a servlet request, computed on first use and kept on the request. */
public final class Clients {

    private static final String ATTRIBUTE = Clients.class.getName() + ".client";

    private final ClientResolver resolver;

    public Clients(ClientResolver resolver) {
        this.resolver = resolver;
    }

    public Client of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Client client) {
            return client;
        }
        Client client = resolver.resolve(
                new ClientResolver.Connection(request.getRemoteAddr(), request.isSecure(), request.getHeader("Host")),
                new ClientResolver.Forwarded(Collections.list(request.getHeaders("X-Forwarded-For")),
                        Collections.list(request.getHeaders("X-Forwarded-Proto")),
                        Collections.list(request.getHeaders("X-Forwarded-Host"))));
        request.setAttribute(ATTRIBUTE, client);
        return client;
    }
}
