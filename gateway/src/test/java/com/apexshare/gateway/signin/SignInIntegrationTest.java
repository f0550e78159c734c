package com.apexshare.gateway.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.apexshare.devstack.IdentityProvider;
import com.apexshare.gateway.support.Browser;
import com.apexshare.gateway.support.GatewayInstance;
import com.apexshare.gateway.support.RecordingBackend;
import com.apexshare.gateway.support.TestEnvironment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser signs in over HTTP against ApexShare's identity provider (authorization code with PKCE), holds only a session
 * cookie, and its API calls reach the services with the relayed (and refreshed) access token; the session lives in
 * PostgreSQL, so a second gateway serves it too; logout ends it, at the provider as well.
 */
class SignInIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestEnvironment env;
    private static GatewayInstance gateway;
    private static GatewayInstance secondReplica;

    @BeforeAll
    static void start() {
        env = TestEnvironment.get();
        gateway = TestEnvironment.gateway();
        secondReplica = GatewayInstance.start(env.replica());
    }

    @AfterAll
    static void stop() {
        secondReplica.close();
    }

    @Test
    void shouldStartSignInWithPkceAtTheIssuer() {
        // Given a browser without a session
        Browser browser = new Browser();

        // When it opens /login
        HttpResponse<String> login = browser.get(gateway.uri("/login"));
        HttpResponse<String> authorization = browser.get(gateway.uri().resolve(Browser.location(login)));

        // Then the gateway sends it to the issuer's authorization endpoint with a code challenge (S256)
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(authorization.statusCode()).isEqualTo(302);
        URI issuer = URI.create(Browser.location(authorization));
        assertThat(issuer.toString()).startsWith(env.identityProvider().issuerUri() + "/oauth2/authorize");
        Map<String, String> query = query(issuer);
        assertThat(query).containsEntry("response_type", "code")
                .containsEntry("client_id", IdentityProvider.GATEWAY_CLIENT_ID)
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", gateway.uri() + "/login/oauth2/code/apexshare")
                .containsKeys("code_challenge", "state", "nonce");
        assertThat(query.get("scope").split(" ")).contains("openid", "profile", "email");
    }

    @Test
    void shouldSignInRelayTheTokenAndServeTheSessionOnEveryReplica() throws Exception {
        // Given a browser that signed in through the provider's password form
        Browser browser = new Browser();
        HttpResponse<String> callback = browser.signIn(gateway);

        // Then the callback set the session cookie (HttpOnly, SameSite=Lax) and sent the browser home
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(Browser.location(callback)).isIn("/", gateway.uri() + "/");
        String setCookie = String.join("\n", callback.headers().allValues("Set-Cookie"));
        assertThat(setCookie).contains("SESSION=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(browser.cookie("SESSION")).isNotBlank();

        // When it asks who is signed in
        HttpResponse<String> me = browser.get(gateway.uri("/api/v1/me"));

        // Then the gateway answers from the ID token, and no token reaches the browser
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode data = JSON.readTree(me.body()).get("data");
        assertThat(data.get("subject").asString()).isEqualTo(IdentityProvider.DEMO_TRAINER);
        assertThat(data.get("name").asString()).isEqualTo("Demo Trainer");
        assertThat(data.get("email").asString()).isEqualTo("trainer@apexshare.local");
        assertThat(data.get("roles").valueStream().map(JsonNode::asString)).containsExactly("trainer");
        assertThat(data.get("signedIn").asBoolean()).isTrue();
        assertThat(me.body()).doesNotContain("eyJ");

        // When it calls the API twice without any Authorization header
        String id = UUID.randomUUID().toString();
        HttpResponse<String> first = browser.get(gateway.uri("/api/v1/uploads/recent?m=" + id));
        HttpResponse<String> second = browser.get(gateway.uri("/api/v1/uploads/recent?m=" + id));

        // Then the catalog got the trainer's access token each time, renewed with the refresh token (it lives 20 s,
        // less than the gateway's 30 s margin: a new token, issued later), and the browser only the service's answer
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        List<RecordingBackend.Received> received = env.catalog().receivedContaining(id);
        assertThat(received).hasSize(2);
        String token1 = bearer(received.get(0));
        String token2 = bearer(received.get(1));
        assertThat(claims(token1).get("sub").asString()).isEqualTo(IdentityProvider.DEMO_TRAINER);
        assertThat(claims(token1).get("iss").asString()).isEqualTo(env.identityProvider().issuerUri());
        assertThat(claims(token1).get("aud").toString()).contains("apexshare-api");
        assertThat(claims(token2).get("sub").asString()).isEqualTo(IdentityProvider.DEMO_TRAINER);
        assertThat(claims(token1).get("roles").toString()).contains("trainer");
        assertThat(token2).isNotEqualTo(token1);
        assertThat(claims(token2).get("jti").asString()).isNotEqualTo(claims(token1).get("jti").asString());
        assertThat(received.get(0).header("Cookie")).as("the session cookie stays at the gateway").isNull();

        // When the same session cookie reaches another replica sharing the session database
        Browser sameUserOnReplica = new Browser();
        browser.copyCookiesTo(sameUserOnReplica);
        HttpResponse<String> meOnReplica = sameUserOnReplica.get(secondReplica.uri("/api/v1/me"));
        String id2 = UUID.randomUUID().toString();
        sameUserOnReplica.get(secondReplica.uri("/api/v1/notifications/" + id2));

        // Then it knows the user and relays a token too
        assertThat(meOnReplica.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(meOnReplica.body()).at("/data/subject").asString())
                .isEqualTo(IdentityProvider.DEMO_TRAINER);
        assertThat(claims(bearer(env.notification().receivedContaining(id2).get(0))).get("sub").asString())
                .isEqualTo(IdentityProvider.DEMO_TRAINER);
    }

    @Test
    void shouldLogOutAtTheIssuerAndEndTheSessionEverywhere() throws Exception {
        // Given a signed-in browser
        Browser browser = new Browser();
        browser.signIn(gateway);
        browser.get(gateway.uri("/api/v1/me"));

        // When the web app logs out (fetch with the CSRF header, asking for JSON)
        HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(gateway.uri("/logout"))
                .header("Accept", "application/json").header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        // Then the answer names the issuer's end-session endpoint, with the ID token and the way back to /
        assertThat(logout.statusCode()).isEqualTo(200);
        URI endSession = URI.create(JSON.readTree(logout.body()).at("/data/redirectUrl").asString());
        assertThat(endSession.toString()).startsWith(env.identityProvider().issuerUri() + "/connect/logout");
        Map<String, String> query = query(endSession);
        assertThat(query).containsKey("id_token_hint").containsEntry("post_logout_redirect_uri", gateway.uri() + "/");

        // And the session is gone on every replica
        assertThat(browser.get(gateway.uri("/api/v1/me")).statusCode()).isEqualTo(401);
        Browser replay = new Browser();
        browser.copyCookiesTo(replay);
        assertThat(replay.get(secondReplica.uri("/api/v1/me")).statusCode()).isEqualTo(401);

        // And the issuer ends its own session and sends the browser back to the gateway
        HttpResponse<String> atIssuer = browser.get(endSession);
        assertThat(atIssuer.statusCode()).isEqualTo(302);
        assertThat(Browser.location(atIssuer)).isEqualTo(gateway.uri() + "/");
    }

    @Test
    void shouldRedirectAFormLogoutToTheIssuer() {
        // Given a signed-in browser
        Browser browser = new Browser();
        browser.signIn(gateway);
        browser.get(gateway.uri("/"));

        // When it submits a logout form (top-level navigation)
        HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(gateway.uri("/logout"))
                .header("Accept", "text/html").header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        // Then it is redirected to the issuer's end-session endpoint
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(Browser.location(logout)).startsWith(env.identityProvider().issuerUri() + "/connect/logout");
    }

    @Test
    void shouldAnswerUnauthorizedJsonToAnAnonymousBrowserNeverARedirect() throws Exception {
        // Given a browser without a session and without a token
        Browser browser = new Browser();
        int before = env.catalog().received().size();

        // When it calls the API and asks who is signed in
        HttpResponse<String> api = browser.get(gateway.uri("/api/v1/uploads/recent"));
        HttpResponse<String> me = browser.get(gateway.uri("/api/v1/me"));

        // Then both are 401 with the error body, no Location, and the catalog heard nothing
        for (HttpResponse<String> response : List.of(api, me)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Location")).isEmpty();
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("success").asBoolean()).isFalse();
            assertThat(body.at("/error/code").asString()).isEqualTo("UNAUTHORIZED");
        }
        assertThat(env.catalog().received()).hasSize(before);
        // And no session was created for it
        assertThat(browser.cookie("SESSION")).isNull();
    }

    @Test
    void shouldLetAStudentOpenALinkWithoutAnyAccount() {
        // Given a browser without a session
        Browser student = new Browser();
        String token = "t" + UUID.randomUUID().toString().replace("-", "");

        // When it looks the link up through the API
        HttpResponse<String> response = student.get(gateway.uri("/api/v1/downloads/" + token));

        // Then the download-service answers, with no token relayed and no session created
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(env.download().receivedContaining(token).get(0).header("Authorization")).isNull();
        assertThat(student.cookie("SESSION")).isNull();
    }

    @Test
    void shouldAnswerServiceUnavailableForSignInWhileTheIssuerIsAwayAndRouteAnyway() throws Exception {
        // Given a gateway whose issuer does not answer (it starts anyway: discovery waits for the first sign-in)
        try (GatewayInstance issuerAway = GatewayInstance.start(Map.of(
                "spring.security.oauth2.client.provider.apexshare.issuer-uri", "http://127.0.0.1:1"))) {
            Browser browser = new Browser();

            // When a browser starts sign-in, and a student opens a link
            HttpResponse<String> login = browser.get(issuerAway.uri("/login"));
            HttpResponse<String> link = browser.get(issuerAway.uri("/api/v1/downloads/" + UUID.randomUUID()));

            // Then sign-in answers 503 with Retry-After and the error body, and the link still works
            assertThat(login.statusCode()).isEqualTo(503);
            assertThat(login.headers().firstValue("Retry-After")).isPresent();
            assertThat(JSON.readTree(login.body()).at("/error/code").asString()).isEqualTo("SIGN_IN_UNAVAILABLE");
            assertThat(link.statusCode()).isEqualTo(200);
        }
    }

    private static String bearer(RecordingBackend.Received received) {
        String authorization = received.header("Authorization");
        assertThat(authorization).startsWith("Bearer ");
        return authorization.substring("Bearer ".length());
    }

    private static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""));
    }
}
