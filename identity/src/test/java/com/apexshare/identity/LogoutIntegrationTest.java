package com.apexshare.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/** RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0), as the gateway's sign-out uses it. */
class LogoutIntegrationTest extends ProviderIntegrationTest {

    @Test
    void shouldEndTheSessionAndReturnToTheRegisteredPostLogoutUri() {
        // Given a trainer signed in through the gateway, with its ID token
        Browser browser = browser();
        SignedIn signedIn = signInThroughGateway(browser, TRAINER, TRAINER_PASSWORD);
        String idToken = client.exchangeAsConfidential(GATEWAY, GATEWAY_SECRET, signedIn.code(), GATEWAY_REDIRECT,
                signedIn.pkce().verifier()).idToken();

        // When the gateway sends the browser to the end-session endpoint
        HttpResponse<String> answer = browser.get("/connect/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + OAuthClient.encode("http://127.0.0.1:8080/") + "&state=bye");

        // Then the browser goes back to the gateway with the state
        assertThat(browser.location(answer).toString()).isEqualTo("http://127.0.0.1:8080/?state=bye");

        // And the provider session is over: a new authorization asks for the password again
        HttpResponse<String> again = browser.get(client.authorizeUrl(GATEWAY, GATEWAY_REDIRECT, "openid",
                OAuthClient.Pkce.create(), "s"));
        assertThat(browser.location(again).getPath()).isEqualTo("/login");
    }

    @Test
    void shouldNeverRedirectToAPostLogoutUriThatIsNotRegistered() {
        // Given a signed-in trainer and their ID token
        Browser browser = browser();
        SignedIn signedIn = signInThroughGateway(browser, TRAINER, TRAINER_PASSWORD);
        String idToken = client.exchangeAsConfidential(GATEWAY, GATEWAY_SECRET, signedIn.code(), GATEWAY_REDIRECT,
                signedIn.pkce().verifier()).idToken();

        // When the logout request names another address
        HttpResponse<String> answer = browser.get("/connect/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + OAuthClient.encode("https://attacker.example/"));

        // Then the provider refuses it itself
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void shouldSignOutFromItsOwnPageWithAForm() {
        // Given a signed-in trainer
        Browser browser = browser();
        signInThroughGateway(browser, TRAINER, TRAINER_PASSWORD);

        // When they confirm the sign-out page's form
        HttpResponse<String> page = browser.get("/logout");
        assertThat(page.body()).contains("Sign out of ApexShare on this browser?");
        URI after = browser.location(browser.submit(page, "/logout", 0, java.util.Map.of()));

        // Then they are signed out
        assertThat(after.toString()).isEqualTo(ISSUER + "/login?logout");
        assertThat(browser.get(after.toString()).body()).contains("You are signed out.");
        assertThat(browser.location(browser.get("/activate")).getPath()).isEqualTo("/login");
    }
}
