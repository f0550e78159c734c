package com.apexshare.gateway.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.apexshare.gateway.support.GatewayInstance;
import com.apexshare.gateway.support.RecordingBackend;
import com.apexshare.gateway.support.TestEnvironment;

/**
 * The web app's build (the {@code com.apexshare:web} jar on the classpath) as the gateway serves it: caching headers,
 * the client-route fallback, the student page for a browser opening {@code /d/{token}} while every other client keeps
 * the download-service's redirect, and a page the strict CSP lets run (no inline script or style).
 */
class WebAppIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    /** What Chromium sends when it navigates to a page. */
    private static final String BROWSER_NAVIGATION = "text/html,application/xhtml+xml,application/xml;q=0.9,"
            + "image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
    private static final String APP_ROOT = "<div id=\"root\"></div>";

    private static GatewayInstance gateway;
    private static TestEnvironment env;

    @BeforeAll
    static void start() {
        env = TestEnvironment.get();
        gateway = TestEnvironment.gateway();
    }

    @Test
    void shouldServeTheWebAppsIndexRevalidatedOnEveryLoad() throws Exception {
        // When a browser opens the gateway's address
        HttpResponse<String> index = get("/", BROWSER_NAVIGATION);

        // Then it gets the web app's build, revalidated on every load
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/html"));
        assertThat(index.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(index.body()).contains("<title>ApexShare</title>").contains(APP_ROOT)
                .containsPattern("<script type=\"module\" crossorigin src=\"/assets/index-[A-Za-z0-9_-]+\\.js\">");
    }

    @Test
    void shouldCacheEveryHashedAssetOfTheBuildForAYear() throws Exception {
        // Given the build's content-hashed files (scripts, styles)
        Resource[] assets = new PathMatchingResourcePatternResolver().getResources("classpath*:/static/assets/*");
        assertThat(assets).extracting(Resource::getFilename).anyMatch(n -> n.endsWith(".js"))
                .anyMatch(n -> n.endsWith(".css"));

        for (Resource asset : assets) {
            // When the browser loads one
            HttpResponse<String> answer = get("/assets/" + asset.getFilename(), "*/*");

            // Then it is cached for a year and never revalidated
            assertThat(answer.statusCode()).as(asset.getFilename()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Cache-Control")).as(asset.getFilename())
                    .hasValueSatisfying(v -> assertThat(v)
                            .contains("max-age=31536000").contains("public").contains("immutable"));
        }
    }

    @Test
    void shouldRevalidateUnhashedFilesLikeTheFavicon() throws Exception {
        HttpResponse<String> favicon = get("/favicon.svg", "image/*");

        assertThat(favicon.statusCode()).isEqualTo(200);
        assertThat(favicon.headers().firstValue("Cache-Control")).contains("no-cache");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/upload", "/uploads", "/uploads/3f2c1a7e-0000-4000-8000-000000000001", "/dashboard",
            "/uploads/new/"})
    void shouldFallBackToIndexForTheAppsClientRoutes(String path) throws Exception {
        // When the trainer reloads a page of the app or opens a bookmark
        HttpResponse<String> page = get(path, BROWSER_NAVIGATION);

        // Then the app's index answers and its router shows the page
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(page.body()).contains(APP_ROOT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/missing-123.js", "/missing.js", "/uploads/x/file.txt"})
    void shouldAnswerNotFoundWithTheErrorBodyForMissingFiles(String path) throws Exception {
        HttpResponse<String> missing = get(path, "*/*");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"success\":false").doesNotContain(APP_ROOT);
    }

    @Test
    void shouldShowTheStudentPageToABrowserOpeningTheLinkWithoutTellingTheDownloadService() throws Exception {
        // Given a student's browser opening the link from the email
        String token = "page" + UUID.randomUUID().toString().replace("-", "");

        // When it navigates to it
        HttpResponse<String> page = get("/d/" + token, BROWSER_NAVIGATION);

        // Then it gets the web app (the student page), never cached, without a referrer leaving the page
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).contains(APP_ROOT);
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().allValues("Referrer-Policy")).containsExactly("no-referrer");
        assertThat(page.headers().allValues("Content-Security-Policy")).singleElement()
                .satisfies(csp -> assertThat(csp).contains("script-src 'self';"));
        // And the download-service never heard of it, so nothing was counted
        assertThat(env.download().receivedContaining(token)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/octet-stream", "video/*", "text/*", "text/html;q=0", ""})
    void shouldLeaveEveryNonBrowserDownloadOfTheLinkToTheDownloadService(String accept) throws Exception {
        // Given curl -L, a download manager, or a client naming no Accept at all
        String token = "dl" + UUID.randomUUID().toString().replace("-", "");

        // When it asks for the link
        HttpResponse<String> link = get("/d/" + token, accept);

        // Then the download-service answers with its counted redirect, unchanged
        assertThat(link.statusCode()).isEqualTo(302);
        assertThat(link.headers().firstValue("Location")).hasValue(RecordingBackend.PRESIGNED);
        assertThat(env.download().receivedContaining(token)).singleElement()
                .satisfies(r -> assertThat(r.method()).isEqualTo("GET"));
    }

    @Test
    void shouldLeaveAHeadRequestToTheDownloadServiceEvenFromABrowser() throws Exception {
        // Given a mail scanner checking the link with HEAD and a browser's Accept
        String token = "head" + UUID.randomUUID().toString().replace("-", "");

        // When it asks
        HttpResponse<Void> head = HTTP.send(HttpRequest.newBuilder(gateway.uri("/d/" + token))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Accept", BROWSER_NAVIGATION)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());

        // Then the download-service answers it (and does not count a HEAD)
        assertThat(head.statusCode()).isEqualTo(302);
        assertThat(env.download().receivedContaining(token)).singleElement()
                .satisfies(r -> assertThat(r.method()).isEqualTo("HEAD"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/d/tok/extra", "/d/"})
    void shouldServeTheStudentPageForALinkOnly(String path) throws Exception {
        HttpResponse<String> answer = get(path, BROWSER_NAVIGATION);

        assertThat(answer.body()).doesNotContain(APP_ROOT);
    }

    @Test
    void shouldServeAnAppTheStrictPolicyLetsRunWithoutInlineScriptOrStyle() throws Exception {
        // Given the page and the policy it is served under
        HttpResponse<String> index = get("/", BROWSER_NAVIGATION);
        String csp = index.headers().firstValue("Content-Security-Policy").orElseThrow();
        List<String> directives = Arrays.stream(csp.split(";")).map(String::trim).toList();

        // Then the policy allows scripts and styles from the gateway only, never inline
        assertThat(directives).contains("script-src 'self'", "style-src 'self'", "default-src 'self'",
                "object-src 'none'", "frame-ancestors 'none'");
        assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        // And the page needs nothing more: every script is a file of the gateway, no inline script, style or handler
        Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(index.body());
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).containsPattern("src=\"/assets/");
            assertThat(scripts.group(2)).isBlank();
        }
        assertThat(count).isPositive();
        assertThat(index.body()).doesNotContain("<style").doesNotContain(" style=").doesNotContainPattern(" on[a-z]+=")
                .doesNotContain("data:");
        Matcher links = Pattern.compile("(?:href|src)=\"([^\"]+)\"").matcher(index.body());
        while (links.find()) {
            assertThat(links.group(1)).as("same origin").startsWith("/");
        }
    }

    private static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri(path)).timeout(Duration.ofSeconds(30));
        if (!accept.isEmpty()) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
