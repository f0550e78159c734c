package com.apexshare.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.apexshare.devstack.local.LocalRun;
import com.apexshare.devstack.local.MailPrinter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * What the browser tests (web/browser-tests, a Node process) cannot see of the running system, on a loopback HTTP
 * port of the test JVM:
 * <ul>
 * <li>{@code GET /mail}: every email the run's SMTP server received, one line each as the local run prints them
 * ({@code [email] to: … | subject: … | link: …});</li>
 * <li>{@code GET /s3/upload-parts}: UploadPart requests S3 itself accepted, by {@code bucket/key} (JSON);</li>
 * <li>{@code POST /links/expire} and {@code POST /links/remove} with a link as the body: that link's end moved into
 * the past, or its upload marked removed, in download-service's own view — what retention would do weeks later.</li>
 * </ul>
 */
final class BrowserFixtures implements AutoCloseable {

    private static final Pattern TOKEN = Pattern.compile("/d/([A-Za-z0-9_-]+)$");

    private final LocalRun system;
    private final HttpServer server;

    private BrowserFixtures(LocalRun system) throws IOException {
        this.system = system;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/mail", this::mail);
        server.createContext("/s3/upload-parts", this::uploadParts);
        server.createContext("/links/expire", exchange -> changeLink(exchange,
                "UPDATE download.link_token SET expires_at = now() - interval '1 minute' WHERE token_sha256 = ?"));
        server.createContext("/links/remove", exchange -> changeLink(exchange,
                "UPDATE download.upload_view SET deleted_at = now(), deletion_reason = 'RETENTION_EXPIRED' "
                        + "WHERE file_id = (SELECT file_id FROM download.link_token WHERE token_sha256 = ?)"));
        server.start();
    }

    static BrowserFixtures start(LocalRun system) throws IOException {
        return new BrowserFixtures(system);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void mail(HttpExchange exchange) throws IOException {
        String lines = Arrays.stream(system.smtp().greenMail().getReceivedMessages()).map(MailPrinter::describe)
                .collect(Collectors.joining("\n", "", "\n"));
        answer(exchange, 200, "text/plain", lines);
    }

    private void uploadParts(HttpExchange exchange) throws IOException {
        Map<String, Integer> parts = system.s3().uploadPartRequests();
        String json = parts.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
        answer(exchange, 200, "application/json", json);
    }

    private void changeLink(HttpExchange exchange, String sql) throws IOException {
        String link = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).trim();
        Matcher token = TOKEN.matcher(link);
        if (!"POST".equals(exchange.getRequestMethod()) || !token.find()) {
            answer(exchange, 400, "text/plain", "POST a link ending in /d/{token}");
            return;
        }
        try (Connection db = DriverManager.getConnection(system.postgres().jdbcUrl("download"), "postgres",
                "postgres"); PreparedStatement update = db.prepareStatement(sql)) {
            update.setString(1, sha256Hex(token.group(1)));
            int changed = update.executeUpdate();
            answer(exchange, changed == 1 ? 200 : 404, "text/plain", Integer.toString(changed));
        } catch (SQLException e) {
            answer(exchange, 500, "text/plain", e.toString());
        }
    }

    /** As download-service keys its links: SHA-256 of the token's ASCII, lower-case hex. */
    private static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
