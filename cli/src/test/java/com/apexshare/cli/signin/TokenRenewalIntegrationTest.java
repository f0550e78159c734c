package com.apexshare.cli.signin;

import static com.apexshare.cli.signin.SignInSteps.assertNoTokenIn;
import static com.apexshare.cli.signin.SignInSteps.browserLogin;
import static com.apexshare.cli.signin.SignInSteps.credentialsFile;
import static com.apexshare.cli.signin.SignInSteps.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.apexshare.cli.CliRunner;
import com.apexshare.cli.UploadApiServer;
import com.apexshare.devstack.IdentityProvider;

import tools.jackson.databind.JsonNode;

/**
 * Short lives, with a provider of its own: access tokens that live 3 seconds (so a test can wait for one to expire) and
 * device codes that live 2 seconds (so one can expire unapproved).
 */
class TokenRenewalIntegrationTest {

    @TempDir
    static Path providerDir;

    private static IdentityProvider identity;

    @TempDir
    Path dir;

    private ProviderTokens tokens;
    private UploadApiServer api;
    private CliRunner cli;

    @BeforeAll
    static void startProvider() {
        identity = IdentityProvider.start(IdentityProvider.Settings.forTests(providerDir).withEnvironment(Map.of(
                "IDENTITY_ACCESS_TOKEN_LIFETIME", "PT3S", "IDENTITY_DEVICE_CODE_LIFETIME", "PT2S")));
    }

    @AfterAll
    static void stopProvider() {
        identity.close();
    }

    @BeforeEach
    void startApi() {
        tokens = new ProviderTokens(identity);
        api = UploadApiServer.start(tokens);
        cli = new CliRunner(dir.resolve("home")).api(api.url(), null);
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void shouldRenewAnExpiredAccessTokenBeforeTheCallAndKeepTheRotatedRefreshToken() {
        // Given a signed-in trainer whose access token has expired
        browserLogin(cli, identity);
        JsonNode before = stored(cli);
        awaitExpiry(before);
        assertThat(tokens.test(before.path("accessToken").asString())).isFalse();

        // When the dashboard is asked for
        CliRunner.Run run = cli.run("recent");

        // Then the token was renewed before the call: the API saw only the new one, and never answered 401
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode after = stored(cli);
        assertThat(after.path("accessToken").asString()).isNotEqualTo(before.path("accessToken").asString());
        assertThat(api.tokensSeen).containsExactly(after.path("accessToken").asString());
        assertThat(api.unauthorized).hasValue(0);

        // And the rotated refresh token is the one stored; the old one is spent
        assertThat(after.path("refreshToken").asString()).isNotEqualTo(before.path("refreshToken").asString());
        assertThat(SignInSteps.refreshStatus(identity, before.path("refreshToken").asString())).isEqualTo(400);
        assertThat(Instant.parse(after.path("accessTokenExpiresAt").asString()))
                .isAfter(Instant.parse(before.path("accessTokenExpiresAt").asString()));
        assertNoTokenIn(run, before, after);
    }

    @Test
    void shouldSayRunApexShareLoginWhenTheRefreshTokenIsRefused() throws Exception {
        // Given a sign-in whose refresh token has been spent (renewed elsewhere, the old file put back)
        browserLogin(cli, identity);
        byte[] old = Files.readAllBytes(credentialsFile(cli));
        JsonNode before = stored(cli);
        awaitExpiry(before);
        assertThat(cli.run("whoami").exitCode()).isZero();
        Files.write(credentialsFile(cli), old);

        // When the dashboard is asked for, with stack traces on
        cli.env("APEXSHARE_DEBUG", "1");
        CliRunner.Run run = cli.run("recent");

        // Then the trainer is told to sign in again, with its own exit code, and the API was not called
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("apexshare recent: your sign-in at " + identity.issuerUri()
                + " has expired or was revoked (invalid_grant): run apexshare login");
        assertThat(api.tokensSeen).isEmpty();

        // And not even the stack trace shows a token
        assertThat(run.err()).contains("SignInRequired");
        assertNoTokenIn(run, before);
    }

    @Test
    void shouldSayTheCodeExpiredWhenNobodyApprovesIt() {
        // Given a device sign-in nobody approves
        // When its code expires (2 seconds here)
        CliRunner.Run run = cli.run("login", "--issuer", identity.issuerUri(), "--device");

        // Then the trainer is told, and nothing is kept
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("the code expires in 2 seconds")
                .contains("apexshare login: the code expired before anyone approved it: run apexshare login again");
        assertThat(Files.exists(credentialsFile(cli))).isFalse();
    }

    /** Until the token expired both by the CLI's reckoning and by its own exp claim. */
    private void awaitExpiry(JsonNode signIn) {
        Instant stored = Instant.parse(signIn.path("accessTokenExpiresAt").asString());
        Instant claimed = tokens.claims(signIn.path("accessToken").asString()).getExpirationTime().toInstant();
        Instant expiry = stored.isAfter(claimed) ? stored : claimed;
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Instant.now().isAfter(expiry.plusMillis(200)));
    }
}
