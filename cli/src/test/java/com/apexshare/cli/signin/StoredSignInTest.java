package com.apexshare.cli.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** When the stored access token is renewed, and what a renewal keeps. */
class StoredSignInTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void shouldRenewWithinSixtySecondsOfExpiry() {
        // Given a 15-minute token obtained now
        StoredSignIn signIn = StoredSignIn.of("http://api", "http://issuer", "apexshare-cli", "device",
                new TokenGrant("access", "refresh", null, 900L, "profile"), NOW);

        // Then it is not due until 60 s before it expires, and due from then on (also once expired)
        assertThat(signIn.dueForRenewal(NOW.plusSeconds(839))).isFalse();
        assertThat(signIn.dueForRenewal(NOW.plusSeconds(840))).isTrue();
        assertThat(signIn.dueForRenewal(NOW.plusSeconds(2000))).isTrue();
        assertThat(signIn.expired(NOW.plusSeconds(899))).isFalse();
        assertThat(signIn.expired(NOW.plusSeconds(900))).isTrue();
    }

    @Test
    void shouldRenewAShortLivedTokenAtHalfItsLifeNotBeforeEveryCall() {
        // Given a token that lives 30 s
        StoredSignIn signIn = StoredSignIn.of("http://api", "http://issuer", "apexshare-cli", "device",
                new TokenGrant("access", "refresh", null, 30L, null), NOW);

        // Then it is due after 15 s, not at once
        assertThat(signIn.dueForRenewal(NOW.plusSeconds(14))).isFalse();
        assertThat(signIn.dueForRenewal(NOW.plusSeconds(15))).isTrue();
    }

    @Test
    void shouldKeepTheOldRefreshTokenWhenTheIssuerDoesNotRotateIt() {
        // Given a sign-in, When renewed with and without a new refresh token (Cognito sends none)
        StoredSignIn signIn = StoredSignIn.of("http://api", "http://issuer", "apexshare-cli", "browser",
                new TokenGrant("a1", "r1", "id1", 900L, "openid"), NOW);
        StoredSignIn rotated = signIn.renewed(new TokenGrant("a2", "r2", null, 900L, null), NOW.plusSeconds(850));
        StoredSignIn kept = signIn.renewed(new TokenGrant("a3", null, null, 900L, null), NOW.plusSeconds(850));

        // Then the new one is kept when given, the old one otherwise; the sign-in's own facts stay
        assertThat(rotated.refreshToken()).isEqualTo("r2");
        assertThat(kept.refreshToken()).isEqualTo("r1");
        assertThat(rotated.idToken()).isEqualTo("id1");
        assertThat(rotated.accessTokenExpiresAt()).isEqualTo(NOW.plusSeconds(1750));
        assertThat(rotated.signedInAt()).isEqualTo(NOW);
        assertThat(rotated.flow()).isEqualTo("browser");
    }

    @Test
    void shouldNeverShowATokenInToString() {
        StoredSignIn signIn = StoredSignIn.of("http://api", "http://issuer", "apexshare-cli", "device",
                new TokenGrant("secret-access", "secret-refresh", "secret-id", 900L, null), NOW);
        assertThat(signIn.toString()).doesNotContain("secret");
        assertThat(new TokenGrant("secret-access", "secret-refresh", "secret-id", 1L, null).toString())
                .doesNotContain("secret");
    }
}
