package com.apexshare.notification.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.apexshare.devstack.Ports;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real local SES v2 API ({@code aws-ses-v2-local} from npm, installed by the Maven build from
 * {@code src/test/ses-local/package-lock.json}), started once per JVM on a free loopback port and stopped at JVM exit.
 * {@code GET /store} lists the emails it accepted.
 */
public final class SesLocalServer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static volatile SesLocalServer instance;

    private final Process process;
    private final int port;

    private SesLocalServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static SesLocalServer get() {
        if (instance == null) {
            synchronized (SesLocalServer.class) {
                if (instance == null) {
                    instance = start();
                }
            }
        }
        return instance;
    }

    private static SesLocalServer start() {
        Path dir = installDir();
        Path cli = dir.resolve("node_modules/aws-ses-v2-local/dist/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException(cli + " is missing: the Maven build installs it (npm ci in " + dir
                    + ", phase generate-test-resources)");
        }
        int port = Ports.free();
        try {
            Path log = Path.of("target", "ses-local.log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder("node", cli.toString(), "--host", "127.0.0.1", "--port",
                    Integer.toString(port))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "ses-local-shutdown"));
            await("local SES on port " + port).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("aws-ses-v2-local exited; see " + log);
                        }
                        return portOpen(port);
                    });
            return new SesLocalServer(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start aws-ses-v2-local (is Node.js installed?)", e);
        }
    }

    private static Path installDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("src/test/ses-local");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            candidate = dir.resolve("notification-service/src/test/ses-local");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("notification-service/src/test/ses-local not found from "
                + Path.of("").toAbsolutePath());
    }

    private static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Every email the local SES accepted, as its {@code /store} lists them. */
    public List<JsonNode> emails() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint().resolve("/store")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            List<JsonNode> emails = new ArrayList<>();
            JSON.readTree(response.body()).get("emails").forEach(emails::add);
            return emails;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The stored emails whose {@code To} is this address (alone or as {@code "name" <address>}). */
    public List<JsonNode> emailsTo(String address) {
        return emails().stream().filter(e -> {
            for (JsonNode to : e.get("destination").get("to")) {
                String text = to.asString();
                if (text.equalsIgnoreCase(address) || text.toLowerCase().endsWith("<" + address.toLowerCase() + ">")) {
                    return true;
                }
            }
            return false;
        }).toList();
    }
}
