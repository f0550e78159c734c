package com.apexshare.gateway.edge.web;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import com.apexshare.gateway.client.web.Clients;
import com.apexshare.gateway.edge.SecurityHeaders;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sets the security headers on every answer before anything is written; proxied answers lose the services' own
 * values of these headers ({@code ServiceAnswerHeaders}), so each header appears exactly once. HSTS only when the
 * client's connection was TLS: on plain HTTP it would be ignored anyway, and on the local run it must not pin
 * {@code 127.0.0.1} to HTTPS.
 */
final class SecurityHeadersFilter extends OncePerRequestFilter {

    private final SecurityHeaders headers;
    private final Clients clients;

    SecurityHeadersFilter(SecurityHeaders headers, Clients clients) {
        this.headers = headers;
        this.clients = clients;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        headers.always().forEach(response::setHeader);
        if (clients.of(request).overTls()) {
            response.setHeader("Strict-Transport-Security", headers.strictTransportSecurity());
        }
        chain.doFilter(request, response);
    }
}
