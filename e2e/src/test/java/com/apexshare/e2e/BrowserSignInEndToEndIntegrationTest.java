package com.apexshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.apexshare.devstack.IdentityProvider;
import com.apexshare.devstack.local.LocalRun;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser signs in the way the web app does it, through the real gateway and the real identity provider over HTTP:
 * the gateway's {@code /login}, the provider's password form, the gateway's callback, then only a session cookie.
 * The gateway relays the trainer's access token to the services, so a write (an upload started with the CSRF header)
 * and a read (the dashboard) reach them as the demo trainer.
 */
@ExtendWith(TheSystem.class)
class BrowserSignInEndToEndIntegrationTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Duration PROPAGATION = Duration.ofMinutes(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldSignInThroughTheGatewayAndReachTheServicesWithTheRelayedToken(LocalRun system) throws Exception {
        // Given the running system and a browser without a session, which the API refuses
        URI gateway = system.apiUri();
        String issuer = system.identity().issuerUri();
        IdentityProvider.Credentials trainer = system.identity().demoTrainer();
        Browser browser = new Browser();
        HttpResponse<String> anonymous = browser.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/me"))
                .header("Accept", "application/json").GET());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("\"success\":false");

        // When it opens the gateway's /login and follows the redirects
        HttpResponse<String> loginForm = browser.follow(browser.get(gateway.resolve("/login")), null);

        // Then it is at the identity provider's login form, sent there with a PKCE challenge
        assertThat(loginForm.statusCode()).isEqualTo(200);
        assertThat(loginForm.uri().toString()).startsWith(issuer + "/login");
        assertThat(browser.visited()).anySatisfy(uri -> assertThat(uri.toString())
                .startsWith(issuer + "/oauth2/authorize").contains("code_challenge=").contains("client_id="
                        + IdentityProvider.GATEWAY_CLIENT_ID));
        Matcher csrf = CSRF_FIELD.matcher(loginForm.body());
        assertThat(csrf.find()).as("a CSRF field in the login form: %s", loginForm.body()).isTrue();

        // When the demo trainer signs in with their password
        HttpResponse<String> posted = browser.postForm(loginForm.uri(),
                Map.of("username", trainer.name(), "password", trainer.secret(), "_csrf", csrf.group(1)));
        HttpResponse<String> callback = browser.follow(posted, "/login/oauth2/code/apexshare");

        // Then the provider sent the browser back to the gateway's callback, which set the session cookie and sent it
        // home
        assertThat(callback.uri().getPath()).isEqualTo("/login/oauth2/code/apexshare");
        assertThat(callback.uri().getPort()).isEqualTo(gateway.getPort());
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        assertThat(Browser.location(callback)).isIn("/", gateway + "/");
        assertThat(browser.cookie("SESSION")).isNotBlank();

        // When it asks who is signed in
        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(gateway.resolve("/api/v1/me"))
                .header("Accept", "application/json").GET());

        // Then the gateway knows the demo trainer, and no token reached the browser
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode who = JSON.readTree(me.body()).path("data");
        assertThat(who.path("subject").asString()).isEqualTo(IdentityProvider.DEMO_TRAINER);
        assertThat(who.path("signedIn").asBoolean()).isTrue();
        assertThat(who.path("roles").toString()).contains(IdentityProvider.TRAINER_ROLE);
        assertThat(me.body()).doesNotContain("eyJ");

        // When the web app starts an upload with the session and the CSRF header, no Authorization header
        String student = "ria-" + UUID.randomUUID() + "@student.example";
        String initiateBody = """
                {"studentEmail": "%s", "studentName": "Ria Rider", "trainerName": "Demo Trainer",
                 "sessionDate": "%s", "notes": "Signed in through the gateway", "fileName": "GX010077.MP4",
                 "fileSize": 1048576, "contentType": "video/mp4"}""".formatted(student, LocalDate.now(ZoneOffset.UTC));
        HttpResponse<String> initiated = browser.send(HttpRequest.newBuilder(
                gateway.resolve("/api/v1/uploads/initiate"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString(initiateBody)));

        // Then the upload-service accepted it as the demo trainer's, and the dashboard (catalog-service, token relayed
        // again) lists it
        assertThat(initiated.statusCode()).as(initiated.body()).isEqualTo(201);
        String fileId = JSON.readTree(initiated.body()).path("data").path("fileId").asString();
        assertThat(fileId).isNotBlank();
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> recent = browser.send(HttpRequest.newBuilder(
                    gateway.resolve("/api/v1/uploads/recent?limit=50&offset=0")).header("Accept", "application/json")
                    .GET());
            assertThat(recent.statusCode()).as(recent.body()).isEqualTo(200);
            assertThat(JSON.readTree(recent.body()).path("data").path("uploads").valueStream())
                    .anySatisfy(upload -> {
                        assertThat(upload.path("fileId").asString()).isEqualTo(fileId);
                        assertThat(upload.path("studentEmail").asString()).isEqualTo(student);
                    });
        });
    }
}
