package com.apexshare.devstack;

import java.time.Duration;
import java.util.Map;

/**
 * The services' tests' old name for the development issuer, now a thin view of {@link IdentityProvider}: same
 * methods, same key, same issuer. Kept only until the services' tests say {@code DevStack.identity()} and
 * {@code IdentityProvider}; there is no {@code /token} endpoint any more.
 *
 * @deprecated use {@link DevStack#identity()} and {@link IdentityProvider}
 */
@Deprecated(forRemoval = true)
public final class TokenIssuer {

    public static final String AUDIENCE = IdentityProvider.AUDIENCE;
    public static final String ROLES_CLAIM = IdentityProvider.ROLES_CLAIM;
    public static final String TRAINER_ROLE = IdentityProvider.TRAINER_ROLE;

    private final IdentityProvider provider;

    TokenIssuer(IdentityProvider provider) {
        this.provider = provider;
    }

    public String issuerUri() {
        return provider.issuerUri();
    }

    public String jwkSetUri() {
        return provider.jwkSetUri();
    }

    public String trainerToken(String subject, String name, String email) {
        return provider.trainerToken(subject, name, email);
    }

    public String mint(String subject, String name, String email, String audience, Duration lifetime) {
        return provider.mint(subject, name, email, audience, lifetime);
    }

    public String mint(Map<String, Object> claims, Duration lifetime) {
        return provider.mint(claims, lifetime);
    }
}
