package com.apexshare.gateway.signin.web;

import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.apexshare.gateway.GatewayProperties;
import com.apexshare.gateway.signin.SignedInUser;
import com.apexshare.platform.web.ApiResponse;
import com.apexshare.platform.web.ErrorResponse;
import com.nimbusds.jwt.JWTParser;

import jakarta.servlet.http.HttpServletRequest;

/** {@code GET /api/v1/me}: who is signed in in this browser session (tokens stay on the server). */
@RestController
class MeController {

    private final String rolesClaim;
    private final OAuth2AuthorizedClientRepository authorizedClients;

    MeController(GatewayProperties properties, OAuth2AuthorizedClientRepository authorizedClients) {
        this.rolesClaim = properties.signin().rolesClaim();
        this.authorizedClients = authorizedClients;
    }

    @GetMapping(value = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> me(OAuth2AuthenticationToken authentication, HttpServletRequest request) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).cacheControl(CacheControl.noStore())
                    .body(ErrorResponse.of(401, "UNAUTHORIZED", "Not signed in; GET /login signs in"));
        }
        SignedInUser me = SignedInUser.from(user.getClaims(), rolesClaim);
        if (me.roles().isEmpty()) {
            Map<String, Object> claims = new HashMap<>(user.getClaims());
            claims.putAll(accessTokenRoles(authentication, request));
            me = SignedInUser.from(claims, rolesClaim);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(ApiResponse.of(new Me(me.subject(), me.name(), me.email(), me.roles(), true)));
    }

    /**
     * Issuers that put the roles in the access token only (ApexShare's identity provider, Cognito's groups): the
     * gateway got that token itself from the issuer's token endpoint, so its claims are read without re-checking
     * the signature (the services check it on every call).
     */
    private Map<String, Object> accessTokenRoles(OAuth2AuthenticationToken authentication,
            HttpServletRequest request) {
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(
                authentication.getAuthorizedClientRegistrationId(), authentication, request);
        if (client == null) {
            return Map.of();
        }
        // The top-level claim that holds the roles (realm_access for realm_access.roles).
        String top = rolesClaim.contains(".") ? rolesClaim.substring(0, rolesClaim.indexOf('.')) : rolesClaim;
        try {
            Object roles = JWTParser.parse(client.getAccessToken().getTokenValue()).getJWTClaimsSet().getClaim(top);
            return roles == null ? Map.of() : Map.of(top, roles);
        } catch (ParseException e) {
            // An opaque access token: the roles are whatever the ID token said (none).
            return Map.of();
        }
    }

    /** The answer's {@code data}. */
    record Me(String subject, String name, String email, List<String> roles, boolean signedIn) {
    }
}
