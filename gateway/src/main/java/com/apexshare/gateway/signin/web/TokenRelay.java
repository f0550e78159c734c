package com.apexshare.gateway.signin.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.server.mvc.filter.TokenRelayFilterFunctions;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import com.apexshare.platform.web.ErrorResponse;

import jakarta.servlet.http.HttpSession;

/**
 * Relays a signed-in browser's access token to the service as {@code Authorization: Bearer}, refreshing it first when
 * it is about to expire (the authorized-client manager). A request that brought its own {@code Authorization} header
 * passes untouched. When the issuer refuses the refresh (sign-in revoked or expired), the session ends and the answer
 * is 401: the web app sends the user to {@code /login}.
 */
public final class TokenRelay implements HandlerFilterFunction<ServerResponse, ServerResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(TokenRelay.class);

    private final HandlerFilterFunction<ServerResponse, ServerResponse> relay = TokenRelayFilterFunctions.tokenRelay();

    @Override
    public ServerResponse filter(ServerRequest request, HandlerFunction<ServerResponse> next) throws Exception {
        if (BrowserRequests.hasAuthorization(request.servletRequest())
                || !(request.servletRequest().getUserPrincipal() instanceof OAuth2AuthenticationToken)) {
            return next.handle(request);
        }
        try {
            return relay.filter(request, next);
        } catch (OAuth2AuthorizationException e) {
            LOG.info("Sign-in of a session could not be renewed ({}); the session ends",
                    e.getError().getErrorCode());
            HttpSession session = request.servletRequest().getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            return ServerResponse.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_JSON)
                    .header("Cache-Control", "no-store")
                    .body(ErrorResponse.of(401, "SIGN_IN_EXPIRED", "Your sign-in has expired; sign in again"));
        }
    }
}
