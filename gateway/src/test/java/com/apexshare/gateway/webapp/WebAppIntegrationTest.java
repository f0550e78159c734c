package com.apexshare.gateway.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.apexshare.gateway.support.GatewayInstance;
import com.apexshare.gateway.support.RecordingBackend;
import com.apexshare.gateway.support.TestEnvironment;

/** The web app's files with their caching headers, and its client-side routes falling back to index.html. */
class WebAppIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static GatewayInstance gateway;

    @BeforeAll
    static void start() {
        gateway = TestEnvironment.gateway();
    }

    @Test
    void shouldServeIndexRevalidatedOnEveryLoad() throws Exception {
        HttpResponse<String> index = get("/", "text/html");

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/html"));
        assertThat(index.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(index.body()).contains("<title>ApexShare</title>");
    }

    @Test
    void shouldCacheHashedAssetsForAYear() throws Exception {
        HttpResponse<String> asset = get("/assets/placeholder-0f3a9c.css", "text/css,*/*");

        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v)
                .contains("max-age=31536000").contains("public").contains("immutable"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dashboard", "/uploads", "/uploads/3f2c1a7e-0000-4000-8000-000000000001",
            "/uploads/new", "/settings/profile"})
    void shouldFallBackToIndexForClientSideRoutes(String path) throws Exception {
        HttpResponse<String> page = get(path, "text/html,application/xhtml+xml,*/*;q=0.8");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(page.body()).contains("<title>ApexShare</title>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/missing-123.js", "/missing.js", "/uploads/x/file.txt"})
    void shouldAnswerNotFoundWithTheErrorBodyForMissingFiles(String path) throws Exception {
        HttpResponse<String> missing = get(path, "*/*");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"success\":false").doesNotContain("<title>ApexShare</title>");
    }

    @Test
    void shouldRouteAStudentsBrowserLinkToTheDownloadServiceForNow() throws Exception {
        // Given a student's browser opening the link from the email
        HttpResponse<String> link = get("/d/tok123abc", "text/html,application/xhtml+xml");

        // Then the download-service answers (its redirect), not the web app
        assertThat(link.statusCode()).isEqualTo(302);
        assertThat(link.headers().firstValue("Location")).contains(RecordingBackend.PRESIGNED);
    }

    private static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(gateway.uri(path)).header("Accept", accept)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
