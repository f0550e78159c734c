package com.apexshare.gateway.routing.web;

import java.io.IOException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.apexshare.gateway.routing.PathGuard;
import com.apexshare.platform.web.ErrorBodyWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Refuses (400) every request whose raw path is not canonical, before routing, sessions or security see it. */
final class PathGuardFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(PathGuardFilter.class);

    private final ErrorBodyWriter errors;

    PathGuardFilter(ErrorBodyWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> refusal = PathGuard.refusal(request.getRequestURI());
        if (refusal.isPresent()) {
            LOG.debug("Refused a non-canonical path: {}", refusal.get());
            errors.write(response, HttpStatus.BAD_REQUEST, "INVALID_PATH",
                    "The request path must be in canonical form (no dot or empty segments, ';', '\\\\' or encoded "
                            + "separators)");
            return;
        }
        chain.doFilter(request, response);
    }
}
