package com.apexshare.identity.mfa;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.ott.GenerateOneTimeTokenRequestResolver;

/**
 * A code is for the trainer who just gave their password, never for a name typed into a form: the one-time code is a
 * second factor only, so it cannot be used to sign in, nor to mail codes to any trainer.
 */
public final class SecondFactorRequests implements GenerateOneTimeTokenRequestResolver {

    private final Duration lifetime;

    SecondFactorRequests(Duration lifetime) {
        this.lifetime = lifetime;
    }

    @Override
    public GenerateOneTimeTokenRequest resolve(HttpServletRequest request) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || !current.isAuthenticated() || current.getAuthorities().stream()
                .noneMatch(a -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(a.getAuthority()))) {
            return null;
        }
        return new GenerateOneTimeTokenRequest(current.getName(), lifetime);
    }
}
