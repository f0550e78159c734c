package com.apexshare.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.apexshare.gateway.support.GatewayInstance;
import com.apexshare.gateway.support.RecordingBackend;
import com.apexshare.gateway.support.TestEnvironment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every public path reaches its service exactly as sent; nothing else does, however the path is dressed up. */
class RoutingIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static TestEnvironment env;
    private static GatewayInstance gateway;
    private static GatewayInstance behindProxy;
    private static GatewayInstance serviceDown;

    @BeforeAll
    static void start() {
        env = TestEnvironment.get();
        gateway = TestEnvironment.gateway();
        behindProxy = GatewayInstance.start(Map.of("apexshare.gateway.trusted-proxies", "127.0.0.1/32, 10.0.0.0/8"));
        serviceDown = GatewayInstance.start(Map.of("apexshare.gateway.services.catalog", "http://127.0.0.1:1"));
    }

    @AfterAll
    static void stop() {
        behindProxy.close();
        serviceDown.close();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "POST, /api/v1/uploads/initiate?m={id}, upload",
            "GET, /api/v1/uploads/{id}/parts, upload",
            "POST, /api/v1/uploads/{id}/parts/urls, upload",
            "POST, /api/v1/uploads/{id}/complete, upload",
            "POST, /api/v1/uploads/{id}/abort, upload",
            "POST, /api/v1/uploads/{id}/resend, upload",
            "POST, /api/v1/uploads/{id}/student-address, upload",
            "PUT, /api/v1/uploads/{id}/expiry, upload",
            "POST, /api/v1/uploads/{id}/revoke, upload",
            "POST, /api/v1/uploads/{id}/delete, upload",
            "PUT, /api/v1/uploads/{id}/reminders, upload",
            "GET, /api/v1/students/{id}@riders.test/uploads, catalog",
            "GET, /api/v1/uploads/recent?limit=10&offset=0&m={id}, catalog",
            "GET, /api/v1/uploads?m={id}, catalog",
            "GET, /api/v1/uploads/{id}, catalog",
            "GET, /api/v1/uploads/{id}/other, catalog",
            "GET, /api/v1/uploads/{id}/downloads?limit=100, catalog",
            "GET, /api/v1/notifications/{id}, notification",
            "GET, /api/v1/downloads/{id}, download",
            "GET, /api/v1/downloads/{id}/info, download",
            "POST, /api/v1/downloads/{id}/start, download",
            "GET, /d/{id}, download"})
    void shouldRouteEveryPublicPathToItsServiceUnchanged(String method, String path, String service) throws Exception {
        // Given a fresh id in the path and an API client's own token
        String id = UUID.randomUUID().toString();
        String target = path.replace("{id}", id);

        // When the client calls the gateway
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.uri(target))
                .header("Authorization", "Bearer api-client-token-" + id)
                .method(method, !method.equals("GET") ? HttpRequest.BodyPublishers.ofString("{\"n\":1}")
                        : HttpRequest.BodyPublishers.noBody()));

        // Then exactly that service got exactly that request, token untouched, and its answer came back
        RecordingBackend backend = backend(service);
        List<RecordingBackend.Received> got = backend.receivedContaining(id);
        assertThat(got).hasSize(1);
        RecordingBackend.Received received = got.get(0);
        assertThat(received.method()).isEqualTo(method);
        assertThat(received.target()).isEqualTo(target);
        assertThat(received.header("Authorization")).isEqualTo("Bearer api-client-token-" + id);
        if (method.equals("POST")) {
            assertThat(new String(received.body(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
        }
        for (RecordingBackend other : List.of(env.upload(), env.catalog(), env.notification(), env.download())) {
            if (other != backend) {
                assertThat(other.receivedContaining(id)).isEmpty();
            }
        }
        if (target.startsWith("/d/")) {
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).contains(RecordingBackend.PRESIGNED);
        } else {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).at("/data/backend").asString()).isEqualTo(service);
        }
    }

    @Test
    void shouldPassSnsDeliveryEventsToNotificationServiceWithoutSignInOrCsrfToken() throws Exception {
        // Given an SNS message (SNS posts text/plain, with no credentials of any kind)
        String id = UUID.randomUUID().toString();
        String body = "{\"Type\":\"Notification\",\"MessageId\":\"" + id + "\"}";

        // When SNS posts it to the public endpoint
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.uri("/api/v1/delivery-events/ses"))
                .header("Content-Type", "text/plain; charset=UTF-8")
                .header("x-amz-sns-message-type", "Notification")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        // Then notification-service got it unchanged (it checks the signature), nobody else, nothing added
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<RecordingBackend.Received> got = env.notification().receivedFor("/api/v1/delivery-events/ses").stream()
                .filter(r -> new String(r.body(), StandardCharsets.UTF_8).contains(id)).toList();
        assertThat(got).hasSize(1);
        assertThat(got.get(0).method()).isEqualTo("POST");
        assertThat(got.get(0).target()).isEqualTo("/api/v1/delivery-events/ses");
        assertThat(new String(got.get(0).body(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(got.get(0).header("Authorization")).isNull();
        for (RecordingBackend other : List.of(env.upload(), env.catalog(), env.download())) {
            assertThat(other.receivedFor("/api/v1/delivery-events")).isEmpty();
        }
    }

    @Test
    void shouldPassTheDownloadRedirectThroughUnchanged() throws Exception {
        // Given a student's link
        String token = "tok" + UUID.randomUUID().toString().replace("-", "");

        // When curl -L opens it through the gateway (a browser's text/html gets the web app's student page instead:
        // webapp.WebAppIntegrationTest)
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.uri("/d/" + token))
                .header("Accept", "*/*"));

        // Then the service's redirect to the presigned URL comes back as it was, nothing followed
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).contains(RecordingBackend.PRESIGNED);
        assertThat(env.download().receivedContaining(token)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/unknown", "/api/v2/uploads", "/api/", "/api", "/api/v1/me/other",
            "/api/v1/uploadsx", "/v3/api-docs", "/v3/api-docs/unknown",
            "/v3/api-docs/upload/swagger-config", "/actuator", "/actuator/health", "/actuator/env",
            "/actuator/prometheus"})
    void shouldAnswerNotFoundWithTheErrorBodyForEveryOtherServicePath(String path) throws Exception {
        // Given a path no route serves
        int before = totalReceived();

        // When a client asks for it
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.uri(path))
                .header("Authorization", "Bearer some-token"));

        // Then the gateway answers 404 itself, in the error body, and no service heard of it
        assertThat(response.statusCode()).isEqualTo(404);
        assertErrorBody(response, 404, "NOT_FOUND");
        assertThat(totalReceived()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/d/..;/actuator/env", "/d/%2e%2e/actuator", "/d/%2E%2E/actuator/env", "//actuator",
            "//actuator/env", "/d//actuator", "/d/x/../../actuator/env", "/d/../actuator", "/d/.%2e/actuator",
            "/d/%2e./actuator", "/d/x%2f..%2f..%2factuator%2fenv", "/d/x%2F..%2F..%2Factuator",
            "/d/x%5c..%5cactuator", "/d/x;jsessionid=1/../../actuator", "/d/x;/actuator",
            "/api/v1/downloads/x;/../../../actuator/env", "/d/%252e%252e/actuator", "/d/%25252e/actuator",
            "/d/x/%2e/actuator", "/d/.", "/d/..", "/api/v1/uploads/..;/..;/actuator/env",
            "/api/v1/uploads/%2e%2e/%2e%2e/v3/api-docs", "/d/%00/actuator", "/d/x%3b/actuator"})
    void shouldRefusePathTricksWithoutAnyServiceHearingOfThem(String path) throws Exception {
        // Given a path that a service's normalisation would turn into its actuator or API description
        int before = totalReceived();

        // When a client sends it verbatim (no client-side normalisation)
        String answer = rawRequest(gateway, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        // Then the gateway refuses it and no service received anything
        assertThat(statusOf(answer)).as(answer).isIn(400, 404);
        assertThat(answer).contains("\"success\":false");
        assertThat(totalReceived()).isEqualTo(before);
    }

    @Test
    void shouldRefuseABackslashPath() throws Exception {
        int before = totalReceived();

        String answer = rawRequest(gateway, "GET /d/x\\..\\..\\actuator HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(statusOf(answer)).as(answer).isEqualTo(400);
        assertThat(totalReceived()).isEqualTo(before);
    }

    @Test
    void shouldTellServicesTheSocketAddressAndIgnoreForwardedHeadersFromAnUntrustedClient() throws Exception {
        // Given a client that claims to be someone else, over TLS, on another host
        String id = UUID.randomUUID().toString();

        // When it calls the gateway directly (no trusted proxy configured)
        send(HttpRequest.newBuilder(gateway.uri("/api/v1/downloads/" + id))
                .header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example").header("Forwarded", "for=203.0.113.7"));

        // Then the service hears the real socket address, plain http and the Host the client addressed
        RecordingBackend.Received received = env.download().receivedContaining(id).get(0);
        assertThat(received.headers("X-Forwarded-For")).containsExactly("127.0.0.1");
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + gateway.uri().getPort());
        assertThat(received.header("Forwarded")).isNull();
    }

    @Test
    void shouldTellServicesTheClientBehindATrustedProxy() throws Exception {
        // Given the gateway behind a trusted load balancer (10.0.0.5) that forwards a client's request
        String id = UUID.randomUUID().toString();

        // When the request arrives with the proxies' headers (a made-up entry on the left, as a client may send)
        send(HttpRequest.newBuilder(behindProxy.uri("/d/" + id))
                .header("X-Forwarded-For", "198.51.100.99, 203.0.113.7, 10.0.0.5")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "apexshare.example"));

        // Then the service hears the first untrusted address from the right, the client's scheme and host
        RecordingBackend.Received received = env.download().receivedContaining(id).get(0);
        assertThat(received.headers("X-Forwarded-For")).containsExactly("203.0.113.7");
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("apexshare.example");
    }

    @Test
    void shouldStreamALargeAnswerThrough() throws Exception {
        // Given a service answering with several MB
        String id = UUID.randomUUID().toString();

        // When a client asks for it
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(gateway.uri("/api/v1/uploads/" + id
                + "/big")).header("Authorization", "Bearer t").build(), HttpResponse.BodyHandlers.ofByteArray());

        // Then every byte arrives
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).hasSize(RecordingBackend.BIG_BYTES);
    }

    @Test
    void shouldAnswerServiceUnavailableWithRetryAfterWhenAServiceIsDown() throws Exception {
        // Given a gateway whose catalog-service does not listen

        // When a client calls the catalog
        HttpResponse<String> response = send(HttpRequest.newBuilder(serviceDown.uri("/api/v1/uploads/recent"))
                .header("Authorization", "Bearer t"));

        // Then 503 with Retry-After and the error body, no stack trace
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertErrorBody(response, 503, "SERVICE_UNAVAILABLE");
    }

    @Test
    void shouldListAndProxyEachServicesApiDescription() throws Exception {
        // When a client reads the index and one service's description
        HttpResponse<String> index = send(HttpRequest.newBuilder(gateway.uri("/api-docs")));
        HttpResponse<String> upload = send(HttpRequest.newBuilder(gateway.uri("/v3/api-docs/upload")));

        // Then the index names all four, and the upload-service was asked for its /v3/api-docs
        JsonNode services = JSON.readTree(index.body()).at("/data/services");
        assertThat(services).hasSize(4);
        assertThat(services.findValuesAsString("url")).containsExactly("/v3/api-docs/upload",
                "/v3/api-docs/catalog", "/v3/api-docs/notification", "/v3/api-docs/download");
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(env.upload().receivedFor("/v3/api-docs")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.target()).isEqualTo("/v3/api-docs"));
    }

    private static RecordingBackend backend(String service) {
        return switch (service) {
            case "upload" -> env.upload();
            case "catalog" -> env.catalog();
            case "notification" -> env.notification();
            default -> env.download();
        };
    }

    private static int totalReceived() {
        return env.upload().received().size() + env.catalog().received().size()
                + env.notification().received().size() + env.download().received().size();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertErrorBody(HttpResponse<String> response, int status, String code) {
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.at("/error/status").asInt()).isEqualTo(status);
        assertThat(body.at("/error/code").asString()).isEqualTo(code);
        assertThat(body.at("/error/message").asString()).isNotBlank();
        assertThat(body.at("/error/fields").isArray()).isTrue();
    }

    /** Sends bytes as they are: HTTP clients normalise paths, attackers do not. */
    static String rawRequest(GatewayInstance gateway, String request) throws IOException {
        URI uri = gateway.uri();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static int statusOf(String rawAnswer) {
        return Integer.parseInt(rawAnswer.substring(9, 12));
    }
}
