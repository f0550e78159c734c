package com.apexshare.identity.token;

import java.util.List;

import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import com.apexshare.identity.trainer.Trainer;
import com.apexshare.identity.trainer.Trainers;

/**
 * Access tokens are for the ApexShare API: {@code aud} is the API audience (not the client), {@code sub} the
 * trainer's id, with {@code name}, {@code email} and {@code roles}, which the services read. ID tokens carry
 * {@code name} and {@code email} for the client's own display.
 */
final class TrainerClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLES = "roles";

    private final Trainers trainers;
    private final String apiAudience;

    TrainerClaims(Trainers trainers, String apiAudience) {
        this.trainers = trainers;
        this.apiAudience = apiAudience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        Trainer trainer = trainers.find(context.getPrincipal().getName()).orElse(null);
        if (trainer == null) {
            return;
        }
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            context.getClaims().claims(claims -> {
                claims.put(JwtClaimNames.AUD, List.of(apiAudience));
                claims.put(JwtClaimNames.SUB, trainer.id());
                putIfPresent(claims, StandardClaimNames.NAME, trainer.name());
                putIfPresent(claims, StandardClaimNames.EMAIL, trainer.email());
                claims.put(ROLES, trainer.roles());
            });
        } else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            context.getClaims().claims(claims -> {
                if (context.getAuthorizedScopes().contains(OidcScopes.PROFILE)) {
                    putIfPresent(claims, StandardClaimNames.NAME, trainer.name());
                }
                if (context.getAuthorizedScopes().contains(OidcScopes.EMAIL)) {
                    putIfPresent(claims, StandardClaimNames.EMAIL, trainer.email());
                }
            });
        }
    }

    private static void putIfPresent(java.util.Map<String, Object> claims, String name, String value) {
        if (value != null && !value.isBlank()) {
            claims.put(name, value);
        }
    }
}
