package com.apexshare.cli.signin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import com.apexshare.devstack.IdentityProvider;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * What the ApexShare services accept, for the API served in the test: an RS256 JWT signed by the provider's key (from
 * its JWKS), issued by it, for the audience {@code apexshare-api}, not expired. Tokens can also be refused on purpose
 * (as if the API stopped trusting them) to see the CLI renew after a 401.
 */
final class ProviderTokens implements Predicate<String> {

    private final IdentityProvider identity;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private volatile JWKSet keys;

    ProviderTokens(IdentityProvider identity) {
        this.identity = identity;
    }

    /** From now on the API answers this token with 401, valid or not. */
    void refuse(String token) {
        refused.add(token);
    }

    @Override
    public boolean test(String token) {
        if (refused.contains(token)) {
            return false;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            RSAKey key = (RSAKey) keys().getKeyByKeyId(jwt.getHeader().getKeyID());
            if (key == null || !jwt.verify(new RSASSAVerifier(key))) {
                return false;
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            return identity.issuerUri().equals(claims.getIssuer())
                    && claims.getAudience().contains(IdentityProvider.AUDIENCE)
                    && expiry != null && Instant.now().isBefore(expiry.toInstant());
        } catch (ParseException | JOSEException | ClassCastException e) {
            return false;
        }
    }

    /** The claims of a token the provider issued (checked). */
    JWTClaimsSet claims(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AssertionError("not a JWT", e);
        }
    }

    private JWKSet keys() {
        if (keys == null) {
            try {
                HttpResponse<String> jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(identity.jwkSetUri())).GET().build(), HttpResponse.BodyHandlers.ofString());
                keys = JWKSet.parse(jwks.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ParseException e) {
                throw new IllegalStateException("the provider's JWKS does not parse", e);
            }
        }
        return keys;
    }
}
