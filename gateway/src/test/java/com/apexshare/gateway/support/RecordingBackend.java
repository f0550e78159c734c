package com.apexshare.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for one service: it records every request it receives (method, raw path and query,
 * headers, body) and answers like the service would: {@code /d/{token}} with a 302 to a presigned-looking URL, a
 * {@code /big} path with a large body, everything else with a small JSON naming the backend.
 */
public final class RecordingBackend implements AutoCloseable {

    static {
        // The JDK server otherwise leaves Nagle on and writes headers and body apart: 40 ms per answer.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** One request as the backend saw it; header names lower-case. */
    public record Received(String method, String target, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }

    public static final String PRESIGNED = "https://bucket.s3.example.com/videos/x.mp4?X-Amz-Signature=abc";
    public static final int BIG_BYTES = 8 * 1024 * 1024;

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

    private RecordingBackend(String name, HttpServer server, ExecutorService executor) {
        this.name = name;
        this.server = server;
        this.executor = executor;
    }

    public static RecordingBackend start(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            ExecutorService executor = Executors.newFixedThreadPool(16, r -> {
                Thread t = new Thread(r, "backend-" + name);
                t.setDaemon(true);
                return t;
            });
            RecordingBackend backend = new RecordingBackend(name, server, executor);
            server.createContext("/", backend::handle);
            server.setExecutor(executor);
            server.start();
            return backend;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String name() {
        return name;
    }

    /** Every request received so far, oldest first. */
    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Requests whose raw target (path and query) starts with the prefix. */
    public List<Received> receivedFor(String targetPrefix) {
        return received.stream().filter(r -> r.target().startsWith(targetPrefix)).toList();
    }

    /** Requests whose target contains the marker (tests tag their paths with a fresh id). */
    public List<Received> receivedContaining(String marker) {
        return received.stream().filter(r -> r.target().contains(marker)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            String target = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            received.add(new Received(exchange.getRequestMethod(), target, headers, body));
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/d/")) {
                exchange.getResponseHeaders().set("Location", PRESIGNED);
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            if (path.endsWith("/big")) {
                exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(200, BIG_BYTES);
                byte[] chunk = new byte[64 * 1024];
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int i = 0; i < BIG_BYTES / chunk.length; i++) {
                        out.write(chunk);
                    }
                }
                return;
            }
            String json = "{\"success\":true,\"data\":{\"backend\":\"" + name + "\",\"method\":\""
                    + exchange.getRequestMethod() + "\"}}";
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            // What a Spring Security service sends; the gateway must not repeat these.
            exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
