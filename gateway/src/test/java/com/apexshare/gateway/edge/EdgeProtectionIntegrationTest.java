package com.apexshare.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
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
import org.slf4j.LoggerFactory;

import com.apexshare.gateway.support.GatewayInstance;
import com.apexshare.gateway.support.TestEnvironment;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Rate limits, the body cap, the security headers and the access log, against running gateways. */
class EdgeProtectionIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static TestEnvironment env;
    private static GatewayInstance gateway;
    /** Small limits that refill once an hour, so that a slow machine cannot refill a bucket mid-test. */
    private static GatewayInstance limited;
    private static GatewayInstance behindProxy;

    @BeforeAll
    static void start() {
        env = TestEnvironment.get();
        gateway = TestEnvironment.gateway();
        limited = GatewayInstance.start(Map.of("apexshare.gateway.trusted-proxies", "127.0.0.1",
                "apexshare.gateway.rate-limit.per-ip-rate", "1", "apexshare.gateway.rate-limit.per-ip-burst", "5",
                "apexshare.gateway.rate-limit.per-trainer-rate", "1",
                "apexshare.gateway.rate-limit.per-trainer-burst", "2",
                "apexshare.gateway.rate-limit.period", "1h"));
        behindProxy = GatewayInstance.start(Map.of("apexshare.gateway.trusted-proxies", "127.0.0.1",
                "apexshare.gateway.headers.csp-extra-origins", "https://apexshare-videos.s3.eu-west-1.amazonaws.com"));
    }

    @AfterAll
    static void stop() {
        limited.close();
        behindProxy.close();
    }

    @Test
    void shouldAnswerTooManyRequestsPerClientAddressWithRetryAfterAndTheBody() throws Exception {
        // Given a client address (told by the trusted proxy) that used its burst of 5
        String client = "203.0.113.10";
        for (int i = 0; i < 5; i++) {
            assertThat(get(limited, "/api/v1/downloads/t" + i, Map.of("X-Forwarded-For", client)).statusCode())
                    .isEqualTo(200);
        }

        // When it sends one more
        HttpResponse<String> refused = get(limited, "/api/v1/downloads/t6", Map.of("X-Forwarded-For", client));

        // Then 429 with Retry-After (whole seconds until a token is back) and the error body
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertErrorBody(refused, 429, "RATE_LIMITED");
        assertThat(env.download().receivedFor("/api/v1/downloads/t6")).isEmpty();

        // And another address, and the same address's static files, are not affected
        assertThat(get(limited, "/api/v1/downloads/t7", Map.of("X-Forwarded-For", "203.0.113.11")).statusCode())
                .isEqualTo(200);
        assertThat(get(limited, "/", Map.of("X-Forwarded-For", client)).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldLimitEachTrainerWhereverTheirCallsComeFrom() throws Exception {
        // Given a trainer's token that used its burst of 2 from one address
        String token = "Bearer trainer-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            assertThat(get(limited, "/api/v1/uploads/recent", Map.of("Authorization", token,
                    "X-Forwarded-For", "198.51.100.20")).statusCode()).isEqualTo(200);
        }

        // When the same token calls from another address
        HttpResponse<String> refused = get(limited, "/api/v1/uploads/recent", Map.of("Authorization", token,
                "X-Forwarded-For", "198.51.100.21"));

        // Then the trainer's bucket is empty: 429 with Retry-After and the body
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertErrorBody(refused, 429, "RATE_LIMITED");

        // And another trainer from the first address still gets through (that address has tokens left)
        assertThat(get(limited, "/api/v1/uploads/recent", Map.of("Authorization", "Bearer other-" + UUID.randomUUID(),
                "X-Forwarded-For", "198.51.100.20")).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseADeclaredTooLargeBodyBeforeReadingIt() throws Exception {
        // Given a body of 1 MB + 1 byte (the cap is 1 MB)
        int size = 1024 * 1024 + 1;
        int before = env.upload().received().size();

        // When a client declares and sends it
        String answer = raw(gateway, "POST /api/v1/uploads/initiate HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer t\r\nContent-Type: application/json\r\nContent-Length: " + size
                + "\r\n\r\n", new byte[size], false);

        // Then 413 with the error body, and the service heard nothing
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        assertThat(env.upload().received()).hasSize(before);
    }

    @Test
    void shouldRefuseAChunkedBodyOnceItPassesTheCap() throws Exception {
        // Given a chunked body of 1 MB + 16 bytes
        int size = 1024 * 1024 + 16;
        int before = env.upload().received().size();

        // When a client streams it without a length
        String answer = raw(gateway, "POST /api/v1/uploads/initiate HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer t\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
                new byte[size], true);

        // Then 413 with the error body, and the service heard nothing
        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
        assertThat(env.upload().received()).hasSize(before);
    }

    @Test
    void shouldPassAChunkedBodyBelowTheCapWhole() throws Exception {
        // Given a chunked JSON body well below the cap
        String id = UUID.randomUUID().toString();
        byte[] body = ("{\"notes\":\"" + "x".repeat(20_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        // When a client streams it
        String answer = raw(gateway, "POST /api/v1/uploads/initiate?m=" + id + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer t\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
                body, true);

        // Then the service got every byte
        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(env.upload().receivedContaining(id)).singleElement()
                .satisfies(r -> assertThat(r.body()).isEqualTo(body));
    }

    @Test
    void shouldSetTheSecurityHeadersOnEveryKindOfAnswerOnce() throws Exception {
        // When a client gets a proxied answer, the web app, an error and a refusal
        List<HttpResponse<String>> answers = List.of(
                get(gateway, "/api/v1/downloads/" + UUID.randomUUID(), Map.of()),
                get(gateway, "/", Map.of()),
                get(gateway, "/api/v1/nothing", Map.of()),
                get(gateway, "/api/v1/uploads/recent", Map.of()),
                get(gateway, "/d/" + UUID.randomUUID(), Map.of()),
                get(gateway, "/d/" + UUID.randomUUID(), Map.of("Accept", "text/html")),
                get(gateway, "/uploads", Map.of("Accept", "text/html")));

        // Then each carries every security header exactly once, and no HSTS over plain HTTP
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.headers().allValues("Content-Security-Policy")).singleElement().satisfies(csp ->
                    assertThat(csp).startsWith("default-src 'self'").contains("frame-ancestors 'none'")
                            .doesNotContain("unsafe-inline"));
            assertThat(answer.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(answer.headers().allValues("Referrer-Policy")).containsExactly("no-referrer");
            assertThat(answer.headers().allValues("X-Frame-Options")).containsExactly("DENY");
            assertThat(answer.headers().firstValue("Strict-Transport-Security")).isEmpty();
        }
    }

    @Test
    void shouldAllowTheConfiguredStorageOriginForUploadsAndPlaybackOnly() throws Exception {
        // When the trainer's app and the student's page load from a gateway with the bucket's origin configured
        for (HttpResponse<String> answer : List.of(get(behindProxy, "/", Map.of()),
                get(behindProxy, "/d/" + UUID.randomUUID(), Map.of("Accept", "text/html")))) {
            // Then the browser may PUT parts to the bucket and play from it, and run scripts from the gateway only
            String csp = answer.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp).contains("connect-src 'self' https://apexshare-videos.s3.eu-west-1.amazonaws.com;")
                    .contains("media-src 'self' https://apexshare-videos.s3.eu-west-1.amazonaws.com;")
                    .contains("script-src 'self';").contains("img-src 'self' data:;");
            assertThat(csp).doesNotContain("script-src 'self' https://apexshare-videos");
        }
    }

    @Test
    void shouldSendHstsOnlyWhenATrustedProxySaysTheClientUsedTls() throws Exception {
        // When the trusted proxy forwards an https request, an http one, and an untrusted client claims https
        HttpResponse<String> overTls = get(behindProxy, "/", Map.of("X-Forwarded-Proto", "https"));
        HttpResponse<String> plain = get(behindProxy, "/", Map.of("X-Forwarded-Proto", "http"));
        HttpResponse<String> claimed = get(gateway, "/", Map.of("X-Forwarded-Proto", "https"));

        // Then only the first carries HSTS
        assertThat(overTls.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("max-age=31536000"));
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(claimed.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void shouldNeverWriteALinkTokenToTheAccessLog() throws Exception {
        // Given the access log captured
        Logger access = (Logger) LoggerFactory.getLogger("com.apexshare.gateway.access");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        access.addAppender(captured);
        String token = "Lk" + UUID.randomUUID().toString().replace("-", "");
        String agent = "access-log-test-" + UUID.randomUUID();
        try {
            // When requests carry a link token in the path, the query and the Referer
            get(gateway, "/d/" + token + "?utm=mail", Map.of("User-Agent", agent));
            get(gateway, "/api/v1/downloads/" + token, Map.of("User-Agent", agent,
                    "Referer", "https://apexshare.example/d/" + token));
            get(gateway, "/dashboard?next=%2Fd%2F" + token + "&token=" + token, Map.of("User-Agent", agent,
                    "Referer", "https://apexshare.example/api/v1/downloads/" + token + "?x=1"));

            // Then three lines were written, each masking the token
            await().atMost(Duration.ofSeconds(10)).until(() -> lines(captured, agent).size() == 3);
        } finally {
            access.detachAppender(captured);
        }
        List<String> lines = lines(captured, agent);
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain(token).contains("127.0.0.1"));
        assertThat(lines.get(0)).contains("\"GET /d/****?utm=mail\" 302").contains("route=download-link");
        assertThat(lines.get(1)).contains("\"GET /api/v1/downloads/**** \"".replace(" \"", "\""))
                .contains("referer=\"https://apexshare.example/d/****\"");
        assertThat(lines.get(2)).contains("next=%2Fd%2F****").contains("token=****")
                .contains("referer=\"https://apexshare.example/api/v1/downloads/****?x=1\"");
    }

    private static List<String> lines(ListAppender<ILoggingEvent> appender, String marker) {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(marker))
                .toList();
    }

    private static HttpResponse<String> get(GatewayInstance target, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.uri(path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertErrorBody(HttpResponse<String> response, int status, String code) {
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.at("/error/status").asInt()).isEqualTo(status);
        assertThat(body.at("/error/code").asString()).isEqualTo(code);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
    }

    /** Writes the request head and body as they are (chunked in 64 KB chunks if asked) and reads the answer. */
    private static String raw(GatewayInstance target, String head, byte[] body, boolean chunked) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), target.uri().getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            try {
                if (chunked) {
                    for (int offset = 0; offset < body.length; offset += 65536) {
                        int n = Math.min(65536, body.length - offset);
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(body, offset, n);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } else {
                    out.write(body);
                }
                out.flush();
            } catch (IOException e) {
                // The gateway may answer and close before it took the whole body: the answer is what counts.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    answer.write(buffer, 0, n);
                    String text = answer.toString(StandardCharsets.ISO_8859_1);
                    int headEnd = text.indexOf("\r\n\r\n");
                    if (headEnd > 0 && text.contains("}") && text.lastIndexOf('}') > headEnd) {
                        break;
                    }
                }
            } catch (IOException e) {
                // Connection closed by the gateway after its answer.
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
