package com.apexshare.notification.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A loopback HTTP proxy in front of the real local SES that injects faults: the next N {@code SendEmail} calls are
 * answered with 503 or 429 throttling (alternately), and recipients containing {@link #REJECT_MARKER} are refused with
 * SES's {@code MessageRejected}. Everything else is forwarded unchanged. Records every {@code SendEmail} it saw.
 */
public final class FaultInjectingSesProxy implements AutoCloseable {

    public static final String REJECT_MARKER = "ses-rejects-";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> HOP_HEADERS = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding");

    /** One {@code SendEmail} call: when it arrived, to whom, how it was answered, and the raw MIME it carried. */
    public record Call(long arrivedNanos, List<String> to, int status, byte[] rawMime) {
        public boolean accepted() {
            return status == 200;
        }
    }

    private final HttpServer server;
    private final URI target;
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

    public FaultInjectingSesProxy(URI target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "ses-fault-proxy");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next {@code count} SendEmail calls fail transiently. */
    public void failNext(int count) {
        failNext.set(count);
    }

    public int injectedFailures() {
        return failures.get();
    }

    public List<Call> calls() {
        return new ArrayList<>(calls);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        long arrived = System.nanoTime();
        boolean sendEmail = "POST".equals(exchange.getRequestMethod())
                && exchange.getRequestURI().getPath().equals("/v2/email/outbound-emails");
        List<String> to = new ArrayList<>();
        byte[] raw = null;
        if (sendEmail) {
            JsonNode request = JSON.readTree(body);
            JsonNode addresses = request.path("Destination").path("ToAddresses");
            addresses.forEach(a -> to.add(a.asString()));
            JsonNode data = request.path("Content").path("Raw").path("Data");
            if (data.isString()) {
                raw = Base64.getDecoder().decode(data.asString());
            }
            if (to.stream().anyMatch(a -> a.contains(REJECT_MARKER))) {
                calls.add(new Call(arrived, to, 400, raw));
                respond(exchange, 400, "MessageRejected", "{\"message\":\"Email address is not verified. The "
                        + "following identities failed the check in region US-EAST-1: " + String.join(", ", to)
                        + "\"}");
                return;
            }
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                int n = failures.incrementAndGet();
                if (n % 2 == 1) {
                    calls.add(new Call(arrived, to, 429, raw));
                    respond(exchange, 429, "TooManyRequestsException", "{\"message\":\"Maximum sending rate exceeded.\"}");
                } else {
                    calls.add(new Call(arrived, to, 503, raw));
                    respond(exchange, 503, "ServiceUnavailable", "{\"message\":\"Service is unavailable.\"}");
                }
                return;
            }
        }
        HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> forward.header(name, v));
            }
        });
        try {
            HttpResponse<byte[]> response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (sendEmail) {
                calls.add(new Call(arrived, to, response.statusCode(), raw));
            }
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
            respond(exchange, 502, "InternalFailure", "{\"message\":\"proxy interrupted\"}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String errorType, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
