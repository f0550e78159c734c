package com.apexshare.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.apexshare.devstack.Ports;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real local SES v2 API ({@code aws-ses-v2-local}, which notification-service's build installs under
 * {@code notification-service/src/test/ses-local}) behind a proxy that throttles: the first {@code throttled}
 * SendEmail calls for each recipient are answered 429 {@code TooManyRequestsException}, as SES answers a sender above
 * its rate; later ones pass. A slimmed copy of notification-service's test support (FaultInjectingSesProxy,
 * SesLocalServer) for the fault suite, which runs notification-service as a process against it.
 */
final class ThrottlingSes implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding");

    private final Process ses;
    private final URI sesEndpoint;
    private final HttpServer proxy;
    private final int throttled;
    private final Map<String, AtomicInteger> callsPerRecipient = new ConcurrentHashMap<>();
    private final AtomicInteger throttles = new AtomicInteger();

    private ThrottlingSes(Process ses, URI sesEndpoint, HttpServer proxy, int throttled) {
        this.ses = ses;
        this.sesEndpoint = sesEndpoint;
        this.proxy = proxy;
        this.throttled = throttled;
    }

    static ThrottlingSes start(Path repositoryRoot, Path logDir, int throttledCallsPerRecipient) {
        Path dir = repositoryRoot.resolve("notification-service/src/test/ses-local");
        Path cli = dir.resolve("node_modules/aws-ses-v2-local/dist/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException(cli + " is missing: notification-service's build installs it (npm ci)");
        }
        int port = Ports.free();
        try {
            Files.createDirectories(logDir);
            Process ses = new ProcessBuilder("node", cli.toString(), "--host", "127.0.0.1", "--port",
                    Integer.toString(port)).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(logDir.resolve("ses-local.log").toFile()).start();
            await("local SES").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!ses.isAlive()) {
                            throw new IllegalStateException("aws-ses-v2-local exited; see " + logDir);
                        }
                        try (Socket socket = new Socket()) {
                            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                            return true;
                        } catch (IOException e) {
                            return false;
                        }
                    });
            HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            ThrottlingSes throttling = new ThrottlingSes(ses, URI.create("http://127.0.0.1:" + port), proxy,
                    throttledCallsPerRecipient);
            proxy.createContext("/", throttling::handle);
            proxy.setExecutor(Executors.newFixedThreadPool(8, r -> {
                Thread t = new Thread(r, "ses-throttle");
                t.setDaemon(true);
                return t;
            }));
            proxy.start();
            return throttling;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start aws-ses-v2-local (is Node.js installed?)", e);
        }
    }

    /** Where notification-service sends (SES_ENDPOINT). */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getAddress().getPort());
    }

    /** SendEmail calls answered with throttling so far. */
    int throttles() {
        return throttles.get();
    }

    /** The decoded text of every email SES accepted for this address. */
    List<String> emailsTo(String address) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(sesEndpoint.resolve("/store")).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            List<String> texts = new ArrayList<>();
            for (JsonNode email : JSON.readTree(response.body()).path("emails")) {
                for (JsonNode to : email.path("destination").path("to")) {
                    String text = to.asString().toLowerCase(Locale.ROOT);
                    if (text.equals(address) || text.endsWith("<" + address + ">")) {
                        texts.add(email.toString());
                        break;
                    }
                }
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if ("POST".equals(exchange.getRequestMethod())
                && exchange.getRequestURI().getPath().equals("/v2/email/outbound-emails")) {
            List<String> to = new ArrayList<>();
            JSON.readTree(body).path("Destination").path("ToAddresses").forEach(a -> to.add(a.asString()));
            String recipient = String.join(",", to).toLowerCase(Locale.ROOT);
            if (callsPerRecipient.computeIfAbsent(recipient, r -> new AtomicInteger()).incrementAndGet()
                    <= throttled) {
                throttles.incrementAndGet();
                byte[] json = "{\"message\":\"Maximum sending rate exceeded.\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.getResponseHeaders().set("x-amzn-ErrorType", "TooManyRequestsException");
                exchange.sendResponseHeaders(429, json.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(json);
                }
                return;
            }
        }
        HttpRequest.Builder forward = HttpRequest.newBuilder(sesEndpoint.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> forward.header(name, v));
            }
        });
        try {
            HttpResponse<byte[]> response = HTTP.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] bytes = response.body();
            exchange.sendResponseHeaders(response.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
            exchange.close();
        }
    }

    @Override
    public void close() {
        proxy.stop(0);
        ses.destroy();
    }
}
