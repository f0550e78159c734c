package com.apexshare.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** The gateway's sign-in: authorization code with PKCE, a confidential client, refresh tokens. */
class AuthorizationCodeFlowIntegrationTest extends ProviderIntegrationTest {

    @Test
    void shouldIssueTrainerTokensForTheApiAfterSignInWithPkce() throws Exception {
        // Given a trainer signed in through the gateway's authorization request
        SignedIn signedIn = signInThroughGateway(browser(), TRAINER, TRAINER_PASSWORD);

        // When the gateway exchanges the code with its secret and the PKCE verifier
        OAuthClient.Answer tokens = client.exchangeAsConfidential(GATEWAY, GATEWAY_SECRET, signedIn.code(),
                GATEWAY_REDIRECT, signedIn.pkce().verifier());

        // Then the access token is an RS256 JWT for the API, about the trainer, valid 15 minutes
        assertThat(tokens.status()).isEqualTo(200);
        JWTClaimsSet access = client.verify(tokens.accessToken());
        assertThat(access.getIssuer()).isEqualTo(ISSUER);
        assertThat(access.getAudience()).containsExactly("apexshare-api");
        assertThat(access.getSubject()).isEqualTo(TRAINER);
        assertThat(access.getStringClaim("name")).isEqualTo("Tess Trainer");
        assertThat(access.getStringClaim("email")).isEqualTo("tess@school.example");
        assertThat(access.getStringListClaim("roles")).containsExactly("trainer");
        assertThat(Duration.between(access.getIssueTime().toInstant(), access.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(SignedJWT.parse(tokens.accessToken()).getHeader().getKeyID()).isNotBlank();
        assertThat(tokens.body().get("expires_in").asInt()).isBetween(890, 900);

        // And the ID token is for the gateway and says who signed in
        JWTClaimsSet id = client.verify(tokens.idToken());
        assertThat(id.getAudience()).containsExactly(GATEWAY);
        assertThat(id.getSubject()).isEqualTo(TRAINER);
        assertThat(id.getStringClaim("name")).isEqualTo("Tess Trainer");
        assertThat(id.getStringClaim("email")).isEqualTo("tess@school.example");
        assertThat(tokens.refreshToken()).isNotBlank();
    }

    @Test
    void shouldPutEachUsersOwnRolesInTheToken() throws Exception {
        // Given a user who is not a trainer
        SignedIn signedIn = signInThroughGateway(browser(), OPERATOR, OPERATOR_PASSWORD);

        // When the gateway gets their tokens
        OAuthClient.Answer tokens = client.exchangeAsConfidential(GATEWAY, GATEWAY_SECRET, signedIn.code(),
                GATEWAY_REDIRECT, signedIn.pkce().verifier());

        // Then the roles are theirs, without trainer (the services refuse such a token)
        assertThat(client.verify(tokens.accessToken()).getStringListClaim("roles")).containsExactly("operator", "viewer");
    }

    @Test
    void shouldRefuseAWrongPassword() {
        // Given the gateway's authorization request that leads to the login page
        Browser browser = browser();
        String url = client.authorizeUrl(GATEWAY, GATEWAY_REDIRECT, "openid", OAuthClient.Pkce.create(), "s");

        // When the trainer types a wrong password
        HttpResponse<String> answer = browser.signIn(browser.get(url), TRAINER, "not the password");

        // Then they are back on the login page with an error, and not signed in
        assertThat(browser.location(answer).toString()).isEqualTo(ISSUER + "/login?error");
        assertThat(browser.follow(answer).body()).contains("Wrong username or password", "role=\"alert\"");
        assertThat(browser.location(browser.get(url)).getPath()).isEqualTo("/login");
    }

    @Test
    void shouldRefuseACodeExchangeWithoutOrWithAWrongPkceVerifier() {
        // Given two codes issued with PKCE challenges
        SignedIn first = signInThroughGateway(browser(), TRAINER, TRAINER_PASSWORD);
        SignedIn second = signInThroughGateway(browser(), TRAINER, TRAINER_PASSWORD);

        // When the gateway leaves the verifier out, or sends another one
        OAuthClient.Answer without = client.exchangeAsConfidential(GATEWAY, GATEWAY_SECRET, first.code(),
                GATEWAY_REDIRECT, null);
        OAuthClient.Answer wrong = client.exchangeAsConfidential(GATEWAY, GATEWAY_SECRET, second.code(),
                GATEWAY_REDIRECT, OAuthClient.Pkce.create().verifier());

        // Then neither gets tokens
        assertThat(without.status()).isEqualTo(400);
        assertThat(without.error()).isEqualTo("invalid_grant");
        assertThat(without.accessToken()).isNull();
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.error()).isEqualTo("invalid_grant");
    }

    @Test
    void shouldRequirePkceInTheAuthorizationRequest() {
        // Given a signed-in trainer
        Browser browser = browser();
        signInThroughGateway(browser, TRAINER, TRAINER_PASSWORD);

        // When the gateway asks for a code without a PKCE challenge
        HttpResponse<String> answer = browser.get(
                client.authorizeUrl(GATEWAY, GATEWAY_REDIRECT, "openid", null, "s"));

        // Then the answer goes back to the gateway as an error, without a code
        URI redirect = browser.location(answer);
        assertThat(Browser.query(redirect)).containsEntry("error", "invalid_request").doesNotContainKey("code");
    }

    @Test
    void shouldRefuseTheGatewayWithoutItsSecret() {
        // Given a code
        SignedIn signedIn = signInThroughGateway(browser(), TRAINER, TRAINER_PASSWORD);

        // When someone exchanges it with a wrong secret
        OAuthClient.Answer answer = client.exchangeAsConfidential(GATEWAY, "wrong-secret", signedIn.code(),
                GATEWAY_REDIRECT, signedIn.pkce().verifier());

        // Then the client is refused
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.error()).isEqualTo("invalid_client");
    }

    @Test
    void shouldRefreshWithARefreshTokenThatWorksOnce() throws Exception {
        // Given the gateway's tokens
        SignedIn signedIn = signInThroughGateway(browser(), TRAINER, TRAINER_PASSWORD);
        OAuthClient.Answer tokens = client.exchangeAsConfidential(GATEWAY, GATEWAY_SECRET, signedIn.code(),
                GATEWAY_REDIRECT, signedIn.pkce().verifier());

        // When it refreshes
        OAuthClient.Answer refreshed = client.refreshAsConfidential(GATEWAY, GATEWAY_SECRET, tokens.refreshToken());

        // Then it gets a new access token with the same claims, and a new refresh token
        assertThat(refreshed.status()).isEqualTo(200);
        JWTClaimsSet access = client.verify(refreshed.accessToken());
        assertThat(access.getSubject()).isEqualTo(TRAINER);
        assertThat(access.getAudience()).containsExactly("apexshare-api");
        assertThat(access.getStringListClaim("roles")).containsExactly("trainer");
        assertThat(access.getJWTID()).isNotEqualTo(client.verify(tokens.accessToken()).getJWTID());
        assertThat(access.getExpirationTime().toInstant()).isAfter(Instant.now());
        assertThat(refreshed.refreshToken()).isNotBlank().isNotEqualTo(tokens.refreshToken());

        // And the old refresh token no longer works
        assertThat(client.refreshAsConfidential(GATEWAY, GATEWAY_SECRET, tokens.refreshToken()).error())
                .isEqualTo("invalid_grant");
    }

    @Test
    void shouldAnswerUserInfoForTheAccessToken() {
        // Given an access token
        SignedIn signedIn = signInThroughGateway(browser(), TRAINER, TRAINER_PASSWORD);
        String accessToken = client.exchangeAsConfidential(GATEWAY, GATEWAY_SECRET, signedIn.code(),
                GATEWAY_REDIRECT, signedIn.pkce().verifier()).accessToken();

        // When the gateway calls userinfo with it
        HttpResponse<String> userInfo = client.get("/userinfo", accessToken);

        // Then it names the trainer
        assertThat(userInfo.statusCode()).isEqualTo(200);
        assertThat(userInfo.body()).contains("\"sub\":\"" + TRAINER + "\"");
    }

    @Test
    void shouldRefuseARedirectUriThatIsNotRegistered() {
        // When the gateway's client id asks to send the code elsewhere
        HttpResponse<String> answer = browser().get(client.authorizeUrl(GATEWAY,
                "https://attacker.example/login/oauth2/code/apexshare", "openid", OAuthClient.Pkce.create(),
                UUID.randomUUID().toString()));

        // Then the provider answers itself, never redirecting there
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
    }
}
