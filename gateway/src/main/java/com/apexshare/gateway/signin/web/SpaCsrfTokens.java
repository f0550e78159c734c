package com.apexshare.gateway.signin.web;

import java.util.function.Supplier;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Cookie-to-header CSRF for the web app: the {@code XSRF-TOKEN} cookie is set on every browser answer (loaded eagerly,
 * so the app has it before its first state-changing call), and the app echoes its raw value in {@code X-XSRF-TOKEN}.
 * A form field must carry the masked value (BREACH protection), as Spring Security renders it. API clients get no
 * cookie.
 */
final class SpaCsrfTokens implements CsrfTokenRequestHandler {

    private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();
    private final CsrfTokenRequestHandler xor = new XorCsrfTokenRequestAttributeHandler();
    private final BrowserRequests browsers;

    SpaCsrfTokens(BrowserRequests browsers) {
        this.browsers = browsers;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
        xor.handle(request, response, token);
        if (!browsers.isApiClient(request)) {
            token.get();
        }
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
        String header = request.getHeader(token.getHeaderName());
        return StringUtils.hasText(header) ? plain.resolveCsrfTokenValue(request, token)
                : xor.resolveCsrfTokenValue(request, token);
    }
}
