package com.apexshare.gateway.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.apexshare.gateway.support.Browser;
import com.apexshare.gateway.support.GatewayInstance;
import com.apexshare.gateway.support.TestEnvironment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * State-changing calls from a browser session need the CSRF token (cookie {@code XSRF-TOKEN} echoed in
 * {@code X-XSRF-TOKEN}); API clients with their own bearer token and no session cookie do not.
 */
class CsrfIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestEnvironment env;
    private static GatewayInstance gateway;
    private static Browser signedIn;

    @BeforeAll
    static void signIn() {
        env = TestEnvironment.get();
        gateway = TestEnvironment.gateway();
        signedIn = new Browser();
        signedIn.signIn(gateway);
        signedIn.get(gateway.uri("/"));
    }

    @Test
    void shouldRefuseAStateChangingBrowserCallWithoutTheCsrfToken() {
        // Given a signed-in browser (a forged cross-site form would carry its session cookie, never the header)
        String id = UUID.randomUUID().toString();

        // When it posts without the CSRF header
        HttpResponse<String> response = signedIn.send(post("/api/v1/uploads/" + id + "/complete"));

        // Then 403 with the error body, and the upload-service heard nothing
        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.at("/error/code").asString()).isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(env.upload().receivedContaining(id)).isEmpty();
    }

    @Test
    void shouldRefuseAWrongCsrfToken() {
        String id = UUID.randomUUID().toString();

        HttpResponse<String> response = signedIn.send(post("/api/v1/uploads/" + id + "/abort")
                .header("X-XSRF-TOKEN", "not-the-token"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(env.upload().receivedContaining(id)).isEmpty();
    }

    @Test
    void shouldAcceptAStateChangingBrowserCallWithTheCsrfToken() {
        // Given the token the web app read from the XSRF-TOKEN cookie
        String id = UUID.randomUUID().toString();
        String token = signedIn.cookie("XSRF-TOKEN");
        assertThat(token).isNotBlank();

        // When it echoes it in the header
        HttpResponse<String> response = signedIn.send(post("/api/v1/uploads/" + id + "/complete")
                .header("X-XSRF-TOKEN", token));

        // Then the call reaches the upload-service with the relayed token
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(env.upload().receivedContaining(id)).singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).startsWith("Bearer ey"));
    }

    @Test
    void shouldNotSubjectABearerApiClientToCsrf() {
        // Given an API client (the CLI): its own token, no cookies at all
        Browser cli = new Browser();
        String id = UUID.randomUUID().toString();

        // When it posts without any CSRF token
        HttpResponse<String> response = cli.send(post("/api/v1/uploads/initiate?m=" + id)
                .header("Authorization", "Bearer cli-token"));

        // Then the call reaches the service with the client's own token, and no cookie was handed out
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(env.upload().receivedContaining(id)).singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer cli-token"));
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void shouldStillRequireTheTokenWhenABearerHeaderComesWithASessionCookie() {
        // Given a browser session that also sends some Authorization header
        String id = UUID.randomUUID().toString();

        // When it posts without the CSRF header
        HttpResponse<String> response = signedIn.send(post("/api/v1/uploads/" + id + "/abort")
                .header("Authorization", "Bearer whatever"));

        // Then CSRF still applies: the session cookie is what a forged request would ride on
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(env.upload().receivedContaining(id)).isEmpty();
    }

    @Test
    void shouldRefuseLogoutWithoutTheCsrfToken() {
        // Given a signed-in browser
        Browser browser = new Browser();
        browser.signIn(gateway);

        // When a forged form logs it out without the token
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(gateway.uri("/logout"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        // Then it is refused and the session stays
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(browser.get(gateway.uri("/api/v1/me")).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldLetAStudentsBrowserWithoutASessionStartADownload() {
        // Given the student page in a browser that never signed in (no session, no XSRF-TOKEN cookie)
        Browser student = new Browser();
        String id = UUID.randomUUID().toString();

        // When the page starts playback, with no CSRF header and no Authorization
        HttpResponse<String> response = student.send(post("/api/v1/downloads/" + id + "/start"));

        // Then the call reaches the download-service as it was sent
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(env.download().receivedContaining(id)).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.header("Authorization")).isNull();
        });
    }

    @Test
    void shouldRelayNoSessionTokenWhenASignedInBrowserStartsADownload() {
        // Given a signed-in trainer's browser opening a student link (a forged cross-site start would look like this)
        String id = UUID.randomUUID().toString();

        // When it starts without the CSRF header
        HttpResponse<String> response = signedIn.send(post("/api/v1/downloads/" + id + "/start"));

        // Then the start goes through without the session's access token: the exemption grants no authority
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(env.download().receivedContaining(id)).singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isNull());
    }

    @Test
    void shouldKeepCsrfOnEveryOtherStateChangingDownloadPath() {
        // Given a browser without a session
        Browser student = new Browser();
        String id = UUID.randomUUID().toString();

        // When it posts elsewhere under /api/v1/downloads, or with another method on the start path
        HttpResponse<String> other = student.send(post("/api/v1/downloads/" + id + "/other"));
        HttpResponse<String> put = student.send(HttpRequest.newBuilder(gateway.uri("/api/v1/downloads/" + id
                + "/start")).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}")));
        HttpResponse<String> nested = student.send(post("/api/v1/downloads/" + id + "/x/start"));

        // Then CSRF applies as everywhere else
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(nested.statusCode()).isEqualTo(403);
        assertThat(env.download().receivedContaining(id)).isEmpty();
    }

    private static HttpRequest.Builder post(String path) {
        return HttpRequest.newBuilder(gateway.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
    }
}
