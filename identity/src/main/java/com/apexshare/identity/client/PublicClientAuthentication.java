package com.apexshare.identity.client;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Authenticates a public client by its client id alone at the device authorization endpoint and for the
 * {@code device_code} and {@code refresh_token} grants. Spring Authorization Server accepts a public client only
 * with a PKCE verifier, which these requests cannot have (RFC 8628 section 3.1; OAuth 2.1 section 4.3). The device
 * code, or the rotating refresh token, is what proves the request; a confidential client still needs its secret.
 */
public final class PublicClientAuthentication {

    private PublicClientAuthentication() {
    }

    public static AuthenticationConverter converter(String deviceAuthorizationEndpoint) {
        return request -> convert(request, deviceAuthorizationEndpoint);
    }

    public static AuthenticationProvider provider(RegisteredClientRepository clients) {
        return new Provider(clients);
    }

    private static Authentication convert(HttpServletRequest request, String deviceAuthorizationEndpoint) {
        if (!"POST".equals(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null) {
            return null;
        }
        String grantType = request.getParameter(OAuth2ParameterNames.GRANT_TYPE);
        boolean withoutProof = request.getRequestURI().equals(request.getContextPath() + deviceAuthorizationEndpoint)
                || AuthorizationGrantType.DEVICE_CODE.getValue().equals(grantType)
                || AuthorizationGrantType.REFRESH_TOKEN.getValue().equals(grantType);
        String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
        if (!withoutProof || clientIds == null) {
            return null;
        }
        if (clientIds.length != 1 || clientIds[0].isBlank()) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
        }
        return new UnprovenPublicClient(clientIds[0]);
    }

    /** Only this converter makes these, so a request cannot pose as one to skip the PKCE check. */
    private static final class UnprovenPublicClient extends OAuth2ClientAuthenticationToken {

        UnprovenPublicClient(String clientId) {
            super(clientId, ClientAuthenticationMethod.NONE, null, null);
        }
    }

    private static final class Provider implements AuthenticationProvider {

        private final RegisteredClientRepository clients;

        Provider(RegisteredClientRepository clients) {
            this.clients = clients;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            if (!(authentication instanceof UnprovenPublicClient request)) {
                return null;
            }
            RegisteredClient client = clients.findByClientId((String) request.getPrincipal());
            if (client == null || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
                        "Client authentication failed: " + OAuth2ParameterNames.CLIENT_ID, null));
            }
            return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UnprovenPublicClient.class.isAssignableFrom(authentication);
        }
    }
}
