package com.apexshare.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * A token's authorities: its scopes as usual ({@code SCOPE_…}) and {@link #TRAINER} when the configured claim holds
 * the configured trainer value (a role, a group or a scope, whatever the issuer uses).
 */
final class TrainerAuthorities implements Converter<Jwt, Collection<GrantedAuthority>> {

    /** The authority that every trainer endpoint requires. */
    static final String TRAINER = "ROLE_TRAINER";

    private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
    private final String claim;
    private final String value;

    TrainerAuthorities(String claim, String value) {
        if (claim == null || claim.isBlank() || value == null || value.isBlank()) {
            throw new IllegalArgumentException(
                    "apexshare.platform.security.trainer-claim and trainer-value must both be set");
        }
        this.claim = claim.trim();
        this.value = value.trim();
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
        if (ClaimValues.of(jwt.getClaims(), claim).contains(value)) {
            authorities.add(new SimpleGrantedAuthority(TRAINER));
        }
        return authorities;
    }
}
