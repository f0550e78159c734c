package com.apexshare.cli.signin;

import java.time.Duration;
import java.time.Instant;

/**
 * One sign-in as {@code credentials.json} keeps it: for one API URL, at one issuer, with one client id. {@code toString}
 * shows no token.
 *
 * @param flow                  {@code device} or {@code browser}, how the trainer signed in
 * @param accessTokenObtainedAt when the access token was issued or renewed
 * @param accessTokenExpiresAt  when it expires, or null when neither the issuer nor the token said
 * @param refreshToken          null when the issuer gave none (then the sign-in ends with the access token)
 * @param idToken               the OpenID Connect ID token of a browser sign-in, or null
 */
record StoredSignIn(String apiUrl, String issuer, String clientId, String flow, String accessToken,
        Instant accessTokenObtainedAt, Instant accessTokenExpiresAt, String refreshToken, String idToken,
        String scope, Instant signedInAt) {

    /** Renewed before any call when it expires within this margin (or within half its lifetime, if shorter). */
    static final Duration RENEWAL_MARGIN = Duration.ofSeconds(60);

    static StoredSignIn of(String apiUrl, String issuer, String clientId, String flow, TokenGrant grant, Instant now) {
        return new StoredSignIn(apiUrl, issuer, clientId, flow, grant.accessToken(), now,
                expiry(grant, now), grant.refreshToken(), grant.idToken(), grant.scope(), now);
    }

    /** After a refresh: the new access token; the new refresh token when the issuer rotated it, else the old one. */
    StoredSignIn renewed(TokenGrant grant, Instant now) {
        return new StoredSignIn(apiUrl, issuer, clientId, flow, grant.accessToken(), now, expiry(grant, now),
                grant.refreshToken() != null ? grant.refreshToken() : refreshToken,
                grant.idToken() != null ? grant.idToken() : idToken,
                grant.scope() != null ? grant.scope() : scope, signedInAt);
    }

    /** Whether the access token should be renewed before it is sent. */
    boolean dueForRenewal(Instant now) {
        if (accessToken == null) {
            return true;
        }
        if (accessTokenExpiresAt == null) {
            return false;
        }
        Duration margin = RENEWAL_MARGIN;
        if (accessTokenObtainedAt != null) {
            Duration half = Duration.between(accessTokenObtainedAt, accessTokenExpiresAt).dividedBy(2);
            // A token that lives a minute or less would otherwise be renewed before every single call.
            if (!half.isNegative() && half.compareTo(margin) < 0) {
                margin = half;
            }
        }
        return !now.plus(margin).isBefore(accessTokenExpiresAt);
    }

    boolean expired(Instant now) {
        return accessTokenExpiresAt != null && !now.isBefore(accessTokenExpiresAt);
    }

    private static Instant expiry(TokenGrant grant, Instant now) {
        if (grant.expiresIn() != null && grant.expiresIn() > 0) {
            return now.plusSeconds(grant.expiresIn());
        }
        return TokenClaims.of(grant.accessToken()).flatMap(TokenClaims::expiresAt).orElse(null);
    }

    @Override
    public String toString() {
        return "StoredSignIn[apiUrl=" + apiUrl + ", issuer=" + issuer + ", clientId=" + clientId + ", flow=" + flow
                + ", accessTokenExpiresAt=" + accessTokenExpiresAt + ", refresh token "
                + (refreshToken == null ? "none" : "kept") + ", signedInAt=" + signedInAt + "]";
    }
}
