package com.apexshare.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.nimbusds.jwt.JWTClaimsSet;

/** The CLI's browser sign-in (RFC 8252): a loopback redirect on whatever port the CLI could listen on. */
class LoopbackRedirectIntegrationTest extends ProviderIntegrationTest {

    private static final String SCOPES = "openid profile email offline_access";

    @ParameterizedTest
    @ValueSource(ints = {49152, 54321, 65000})
    void shouldSendTheCodeToTheLoopbackPortTheCliListensOn(int port) throws Exception {
        // Given the CLI listening on a port of its choice
        String redirect = "http://127.0.0.1:" + port + "/callback";
        OAuthClient.Pkce pkce = OAuthClient.Pkce.create();
        String state = UUID.randomUUID().toString();
        Browser browser = browser();

        // When the trainer signs in and allows the CLI
        HttpResponse<String> consent = browser.follow(browser.signIn(
                browser.get(client.authorizeUrl(CLI, redirect, SCOPES, pkce, state)), TRAINER, TRAINER_PASSWORD));
        assertThat(consent.body()).contains("Allow ApexShare command line?");
        HttpResponse<String> back = browser.submit(consent, "/oauth2/authorize", 0, Map.of());

        // Then the browser goes to that port with the code
        URI location = browser.location(back);
        assertThat(location.toString()).startsWith(redirect + "?");
        assertThat(Browser.query(location)).containsEntry("state", state).containsKey("code");

        // And the CLI exchanges it with its verifier alone (a public client), getting a refresh token too
        OAuthClient.Answer tokens = client.exchangeAsPublic(CLI, Browser.query(location).get("code"), redirect,
                pkce.verifier());
        assertThat(tokens.status()).isEqualTo(200);
        JWTClaimsSet access = client.verify(tokens.accessToken());
        assertThat(access.getSubject()).isEqualTo(TRAINER);
        assertThat(access.getStringListClaim("roles")).containsExactly("trainer");
        assertThat(client.verify(tokens.idToken()).getAudience()).containsExactly(CLI);
        assertThat(client.refreshAsPublic(CLI, tokens.refreshToken()).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://attacker.example/callback", "http://localhost:54321/callback",
            "http://127.0.0.1:54321/elsewhere", "https://127.0.0.1:54321/callback"})
    void shouldRefuseARedirectThatIsNotTheRegisteredLoopbackCallback(String redirect) {
        // Given a signed-in trainer
        Browser browser = browser();
        signInThroughGateway(browser, TRAINER, TRAINER_PASSWORD);

        // When the CLI's client id asks to send the code elsewhere
        HttpResponse<String> answer = browser.get(client.authorizeUrl(CLI, redirect, SCOPES,
                OAuthClient.Pkce.create(), "s"));

        // Then the provider answers itself and never redirects there
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void shouldRefuseTheCliCodeExchangeWithoutTheVerifier() {
        // Given a code for the CLI
        String redirect = "http://127.0.0.1:50000/callback";
        Browser browser = browser();
        HttpResponse<String> consent = browser.follow(browser.signIn(browser.get(client.authorizeUrl(CLI, redirect,
                SCOPES, OAuthClient.Pkce.create(), "s")), TRAINER, TRAINER_PASSWORD));
        String code = Browser.query(browser.location(browser.submit(consent, "/oauth2/authorize", 0, Map.of())))
                .get("code");

        // When someone who intercepted it exchanges it without the verifier
        OAuthClient.Answer answer = client.exchangeAsPublic(CLI, code, redirect, null);

        // Then no tokens: without a verifier the public client is not even authenticated
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.accessToken()).isNull();
    }

    @Test
    void shouldSendTheDenialBackToTheCli() {
        // Given the consent page for the CLI
        String redirect = "http://127.0.0.1:50001/callback";
        Browser browser = browser();
        HttpResponse<String> consent = browser.follow(browser.signIn(browser.get(client.authorizeUrl(CLI, redirect,
                SCOPES, OAuthClient.Pkce.create(), "s")), TRAINER, TRAINER_PASSWORD));

        // When the trainer denies
        URI back = browser.location(browser.submit(consent, "/oauth2/authorize", 1, Map.of()));

        // Then the CLI hears access_denied and gets no code
        assertThat(back.toString()).startsWith(redirect + "?");
        assertThat(Browser.query(back)).containsEntry("error", "access_denied").doesNotContainKey("code");
    }
}
