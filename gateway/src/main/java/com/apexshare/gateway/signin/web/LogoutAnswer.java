package com.apexshare.gateway.signin.web;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

import com.apexshare.platform.web.ApiResponse;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * After {@code POST /logout}: RP-initiated logout at the issuer when its discovery offers an
 * {@code end_session_endpoint} (with the ID token as hint, back to the gateway's {@code /}), else straight to
 * {@code /}. A form post gets the redirect; the web app's {@code fetch} ({@code Accept: application/json}) gets
 * {@code {"success": true, "data": {"redirectUrl": …}}} and navigates there itself, because a script cannot follow a
 * cross-origin redirect.
 */
final class LogoutAnswer extends OidcClientInitiatedLogoutSuccessHandler {

    private final JsonMapper json;

    LogoutAnswer(ClientRegistrationRepository registrations, String postLogoutPath, JsonMapper json) {
        super(registrations);
        this.json = json;
        setPostLogoutRedirectUri("{baseUrl}" + postLogoutPath);
        setDefaultTargetUrl(postLogoutPath);
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        String accept = request.getHeader("Accept");
        if (accept == null || !accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            super.onLogoutSuccess(request, response, authentication);
            return;
        }
        String target = determineTargetUrl(request, response, authentication);
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), ApiResponse.of(new Redirect(target)));
    }

    /** @param redirectUrl where the browser goes next */
    record Redirect(String redirectUrl) {
    }
}
