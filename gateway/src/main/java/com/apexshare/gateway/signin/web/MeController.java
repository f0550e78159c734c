package com.apexshare.gateway.signin.web;

import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.apexshare.gateway.GatewayProperties;
import com.apexshare.gateway.signin.SignedInUser;
import com.apexshare.platform.web.ApiResponse;
import com.apexshare.platform.web.ErrorResponse;

/** {@code GET /api/v1/me}: who is signed in in this browser session (tokens stay on the server). */
@RestController
class MeController {

    private final String rolesClaim;

    MeController(GatewayProperties properties) {
        this.rolesClaim = properties.signin().rolesClaim();
    }

    @GetMapping(value = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> me(Authentication authentication) {
        if (authentication instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser user) {
            SignedInUser me = SignedInUser.from(user.getClaims(), rolesClaim);
            return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                    .body(ApiResponse.of(new Me(me.subject(), me.name(), me.email(), me.roles(), true)));
        }
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).cacheControl(CacheControl.noStore())
                .body(ErrorResponse.of(401, "UNAUTHORIZED", "Not signed in; GET /login signs in"));
    }

    /** The answer's {@code data}. */
    record Me(String subject, String name, String email, List<String> roles, boolean signedIn) {
    }
}
