package com.apexshare.platform.security;

import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Accepts a token when one of the configured claims ({@code aud}, or {@code client_id} for Cognito access tokens,
 * which carry no {@code aud}) names an accepted audience.
 */
final class AudienceValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error WRONG_AUDIENCE = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The token is not meant for this API (audience)", null);

    private final Set<String> audiences;
    private final List<String> claims;

    AudienceValidator(Set<String> audiences, List<String> claims) {
        if (audiences.isEmpty()) {
            throw new IllegalArgumentException(
                    "spring.security.oauth2.resourceserver.jwt.audiences must name this API's audience");
        }
        if (claims.isEmpty()) {
            throw new IllegalArgumentException("apexshare.platform.security.audience-claims must not be empty");
        }
        this.audiences = Set.copyOf(audiences);
        this.claims = List.copyOf(claims);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        for (String claim : claims) {
            if (ClaimValues.of(token.getClaims(), claim).stream().anyMatch(audiences::contains)) {
                return OAuth2TokenValidatorResult.success();
            }
        }
        return OAuth2TokenValidatorResult.failure(WRONG_AUDIENCE);
    }
}
