package com.apexshare.gateway.signin.web;

import org.springframework.http.HttpHeaders;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/** Tells browsers with a session from API clients that bring their own bearer token. */
final class BrowserRequests {

    private final String sessionCookie;

    BrowserRequests(String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    static boolean hasAuthorization(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && !authorization.isBlank();
    }

    static boolean hasBearer(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    boolean hasSessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (sessionCookie.equals(cookie.getName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * An API client: a bearer token and no session cookie. A browser cannot be made to send an Authorization header
     * cross-site, and without a session cookie there is no ambient credential to abuse, so CSRF does not apply.
     */
    boolean isApiClient(HttpServletRequest request) {
        return hasBearer(request) && !hasSessionCookie(request);
    }
}
