package com.apexshare.gateway.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.apexshare.devstack.BenchmarkReport;
import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.FixedRateLoad;
import com.apexshare.devstack.Postgres;
import com.apexshare.gateway.GatewayApplication;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The gateway's own cost: the same requests straight to a backend and through the gateway, open-loop at 500 req/s
 * ({@link FixedRateLoad}, latency from each call's intended start; 20 s each, in five alternating 4 s slices so that
 * both paths see the same machine) and one at a time (sequential p50). The backend
 * answers like the download-service's {@code /d/{token}} (302 to a presigned URL) and the catalog-service's
 * {@code /api/v1/uploads/recent} (about 4 KB of JSON, bearer token sent); it runs in this JVM on the JDK's HTTP server
 * with TCP_NODELAY, so both paths share its cost and the difference is the gateway's. The gateway runs as in
 * production (path guard, security headers, per-address and per-trainer limits raised out of the way, access-log line
 * formatted and masked, route timer), sessions in PostgreSQL (no session is touched by bearer calls).
 */
public final class GatewayBenchmark {

    private static final int RATE = 500;
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final Duration MEASURED = Duration.ofSeconds(20);
    private static final int SLICES = 5;
    private static final int SEQUENTIAL = 3000;

    private GatewayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        printUptime("start");
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try (Backend backend = Backend.start()) {
            ConfigurableApplicationContext gateway = startGateway(backend.uri());
            try {
                URI through = URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) gateway)
                        .getWebServer().getPort());
                run(backend.uri(), through);
            } finally {
                gateway.close();
            }
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        printUptime("end");
        BenchmarkReport.record("gateway.overhead", "machine load average at start (2 cores)", loadBefore, "load", "-");
        BenchmarkReport.record("gateway.overhead", "machine load average at end (2 cores)", loadAfter, "load", "-");
        System.exit(0);
    }

    private static void run(URI direct, URI through) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).executor(Executors.newFixedThreadPool(8))
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<Scenario> scenarios = List.of(
                new Scenario("redirect", "/d/", 302, false),
                new Scenario("json", "/api/v1/uploads/recent?limit=10&offset=", 200, true));

        // Warm both paths (JIT, pools, connections) before anything is measured.
        for (Scenario s : scenarios) {
            FixedRateLoad.run(RATE, WARM_UP.dividedBy(2), 64, seq -> s.call(http, through, seq));
            FixedRateLoad.run(RATE, Duration.ofSeconds(3), 64, seq -> s.call(http, direct, seq));
        }
        for (Scenario s : scenarios) {
            // Direct and gateway in alternating slices, so that both see the same (shared, noisy) machine.
            Histogram straight = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
            Histogram gated = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
            long errors = 0;
            double rate = 0;
            for (int slice = 0; slice < SLICES; slice++) {
                FixedRateLoad.Result d = FixedRateLoad.run(RATE, MEASURED.dividedBy(SLICES), 64,
                        seq -> s.call(http, direct, seq));
                FixedRateLoad.Result g = FixedRateLoad.run(RATE, MEASURED.dividedBy(SLICES), 64,
                        seq -> s.call(http, through, seq));
                straight.add(d.latencyMicros());
                gated.add(g.latencyMicros());
                errors += d.errors() + g.errors();
                rate += g.achievedRate() / SLICES;
            }
            String name = "gateway." + s.name();
            for (double p : new double[] {50, 99}) {
                double straightMs = straight.getValueAtPercentile(p) / 1000.0;
                double gatedMs = gated.getValueAtPercentile(p) / 1000.0;
                String pct = p == 50 ? "p50" : "p99";
                BenchmarkReport.record(name, "direct " + pct + " at " + RATE + " req/s", straightMs, "ms", "-");
                BenchmarkReport.record(name, "through gateway " + pct + " at " + RATE + " req/s", gatedMs, "ms", "-");
                BenchmarkReport.record(name, "added by gateway " + pct + " at " + RATE + " req/s",
                        gatedMs - straightMs, "ms", p == 50 ? "<= 1 ms" : "<= 5 ms");
            }
            BenchmarkReport.record(name, "achieved rate through gateway", rate, "req/s", RATE + " req/s");
            BenchmarkReport.record(name, "errors (direct + gateway)", errors, "calls", "0");

            Histogram seqDirect = sequential(http, direct, s);
            Histogram seqGated = sequential(http, through, s);
            BenchmarkReport.record(name, "sequential p50 direct", seqDirect.getValueAtPercentile(50) / 1000.0, "ms",
                    "-");
            BenchmarkReport.record(name, "sequential p50 through gateway", seqGated.getValueAtPercentile(50) / 1000.0,
                    "ms", "-");
            BenchmarkReport.record(name, "sequential p50 added by gateway",
                    (seqGated.getValueAtPercentile(50) - seqDirect.getValueAtPercentile(50)) / 1000.0, "ms",
                    "<= 1 ms");
        }
    }

    private static Histogram sequential(HttpClient http, URI base, Scenario s) throws Exception {
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        for (int i = 0; i < SEQUENTIAL; i++) {
            long start = System.nanoTime();
            s.call(http, base, i);
            histogram.recordValue(Math.max(0, (System.nanoTime() - start) / 1000));
        }
        return histogram;
    }

    /** One kind of request and the answer it must get. */
    private record Scenario(String name, String pathPrefix, int status, boolean bearer) {

        void call(HttpClient http, URI base, long sequence) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathPrefix
                    + (status == 302 ? "Xq3" + Long.toString(sequence, 36) + "aBcDeFgHiJkLmNoP" : sequence % 50)))
                    .timeout(Duration.ofSeconds(30));
            if (bearer) {
                request.header("Authorization", "Bearer bench-trainer-token-" + (sequence % 20));
            }
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != status) {
                throw new IllegalStateException("Expected " + status + ", got " + response.statusCode());
            }
        }
    }

    private static ConfigurableApplicationContext startGateway(URI backend) {
        Postgres postgres = DevStack.postgres();
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + postgres.createDatabase("gateway_bench"),
                "--spring.datasource.username=" + Postgres.USER, "--spring.datasource.password=" + Postgres.PASSWORD,
                // Resolved lazily on the first sign-in, which a bearer-only benchmark never does.
                "--spring.security.oauth2.client.provider.apexshare.issuer-uri=http://127.0.0.1:1",
                "--apexshare.gateway.rate-limit.per-ip-rate=1000000",
                "--apexshare.gateway.rate-limit.per-ip-burst=1000000",
                "--apexshare.gateway.rate-limit.per-trainer-rate=1000000",
                "--apexshare.gateway.rate-limit.per-trainer-burst=1000000"));
        for (String service : new String[] {"upload", "catalog", "notification", "download"}) {
            args.add("--apexshare.gateway.services." + service + "=" + backend);
        }
        return new SpringApplicationBuilder(GatewayApplication.class).run(args.toArray(String[]::new));
    }

    private static void printUptime(String when) {
        try {
            Process uptime = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String out = new String(uptime.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            uptime.waitFor(5, TimeUnit.SECONDS);
            System.out.println("uptime (" + when + "): " + out);
        } catch (IOException e) {
            System.out.println("uptime (" + when + "): not available (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The stand-in service: a 302 like /d/{token}, about 4 KB of JSON like the dashboard. */
    private static final class Backend implements AutoCloseable {

        private static final byte[] DASHBOARD = dashboard();

        private final HttpServer server;
        private final ExecutorService executor;

        private Backend(HttpServer server, ExecutorService executor) {
            this.server = server;
            this.executor = executor;
        }

        static Backend start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 500);
            ExecutorService executor = Executors.newFixedThreadPool(32);
            Backend backend = new Backend(server, executor);
            server.createContext("/", Backend::handle);
            server.setExecutor(executor);
            server.start();
            return backend;
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        private static void handle(HttpExchange exchange) throws IOException {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
                if (exchange.getRequestURI().getRawPath().startsWith("/d/")) {
                    exchange.getResponseHeaders().set("Location",
                            "https://apexshare-videos.s3.eu-west-1.amazonaws.com/videos/2026-11-20/x.mp4"
                                    + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=300&X-Amz-Signature="
                                    + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
                    exchange.getResponseHeaders().set("Cache-Control", "no-store");
                    exchange.sendResponseHeaders(302, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, DASHBOARD.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(DASHBOARD);
                }
            }
        }

        private static byte[] dashboard() {
            StringBuilder json = new StringBuilder("{\"success\":true,\"data\":{\"uploads\":[");
            for (int i = 0; i < 10; i++) {
                json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"fileId\":\"3f2c1a7e-0000-4000-8000-%012d\",\"fileName\":\"GX01%04d.MP4\","
                                + "\"studentEmail\":\"student%d@example.com\",\"studentName\":\"Student %d\","
                                + "\"sessionDate\":\"2026-11-20\",\"uploadDate\":\"2026-11-20T10:15:30Z\","
                                + "\"fileSize\":5368709120,\"emailSent\":true,\"downloadCount\":%d,"
                                + "\"notes\":\"Watch your line in turn 3, brake later, look through the corner\"}",
                        i, i, i, i, i));
            }
            json.append("],\"pagination\":{\"total\":10,\"limit\":10,\"offset\":0,\"hasMore\":false}}}");
            while (json.length() < 4096) {
                json.insert(json.length() - 2, " ");
            }
            return json.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
