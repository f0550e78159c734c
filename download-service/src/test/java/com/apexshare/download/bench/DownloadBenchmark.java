package com.apexshare.download.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.apexshare.devstack.BenchmarkReport;
import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.FixedRateLoad;
import com.apexshare.devstack.S3Store;
import com.apexshare.devstack.SpringProperties;
import com.apexshare.download.DownloadServiceApplication;
import com.apexshare.download.link.LinkFixture;

/**
 * Link-opening latency over HTTP against the running service with the real servers (Kafka, PostgreSQL, S3Proxy): each
 * call opens a student link ({@code GET /d/{token}}: token check, hash look-up, presigning, outbox insert) and expects
 * the 302. Open-loop at 500 requests/s for 20 s after a warm-up; the rate limit is raised so that it does not refuse
 * the load generator's single address.
 */
public final class DownloadBenchmark {

    private static final int RATE = 500;
    private static final Duration WARM_UP = Duration.ofSeconds(8);
    private static final Duration MEASURED = Duration.ofSeconds(20);
    private static final int LINKS = 200;
    private static final String BUCKET = "apexshare-videos";

    private DownloadBenchmark() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        // The devstack servers run on non-daemon threads; their shutdown hook stops them.
        System.exit(status);
    }

    private static void run() throws Exception {
        S3Store s3 = DevStack.s3();
        s3.createBucket(BUCKET);
        Map<String, Object> properties = new HashMap<>();
        properties.putAll(SpringProperties.kafka());
        properties.putAll(SpringProperties.datasource("download_bench"));
        properties.put("server.port", "0");
        properties.put("logging.level.root", "WARN");
        properties.put("apexshare.download.s3.bucket", BUCKET);
        properties.put("apexshare.download.s3.endpoint", s3.endpoint().toString());
        properties.put("apexshare.download.s3.path-style-access", "true");
        properties.put("apexshare.download.s3.access-key", S3Store.ACCESS_KEY);
        properties.put("apexshare.download.s3.secret-key", S3Store.SECRET_KEY);
        properties.put("apexshare.download.rate-limit.requests-per-second", "1000000");
        properties.put("apexshare.download.rate-limit.burst", "1000000");

        // As command-line arguments: they outrank application.yaml (builder "properties" are only defaults).
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DownloadServiceApplication.class)
                .run(arguments)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            List<URI> links = seed(port);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            FixedRateLoad.Call open = i -> {
                HttpRequest request = HttpRequest.newBuilder(links.get((int) (i % links.size())))
                        .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")
                        .GET().build();
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 302) {
                    throw new IllegalStateException("HTTP " + response.statusCode());
                }
            };

            FixedRateLoad.run(RATE, WARM_UP, 64, open);
            FixedRateLoad.Result result = FixedRateLoad.run(RATE, MEASURED, 64, open);

            String metric = "link open at " + RATE + " req/s, ";
            BenchmarkReport.record("download.open-link", metric + "p50", result.percentileMillis(50), "ms", "-");
            BenchmarkReport.record("download.open-link", metric + "p95", result.percentileMillis(95), "ms", "<= 10 ms");
            BenchmarkReport.record("download.open-link", metric + "p99", result.percentileMillis(99), "ms", "-");
            BenchmarkReport.record("download.open-link", "achieved rate", result.achievedRate(), "req/s", RATE + " req/s");
            BenchmarkReport.record("download.open-link", "errors (non-302)", result.errors(), "calls", "0");
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long backlog;
            do {
                backlog = jdbc.sql("SELECT count(*) FROM downloaded_outbox").query(Long.class).single();
            } while (backlog > 0 && System.nanoTime() < deadline && pause());
            BenchmarkReport.record("download.open-link", "Downloaded outbox backlog 30 s after load", backlog, "rows",
                    "0");
        }
    }

    /** Publishes the events of {@link #LINKS} finished uploads and waits until every link redirects. */
    private static List<URI> seed(int port) throws Exception {
        List<URI> links = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        try (LinkFixture fixture = new LinkFixture(BUCKET)) {
            for (int i = 0; i < LINKS; i++) {
                LinkFixture.Upload upload = fixture.ready("bench-" + i + ".mp4", LinkFixture.randomBytes(1024));
                links.add(URI.create("http://127.0.0.1:" + port + "/d/" + upload.token()));
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (URI link : links) {
            while (http.send(HttpRequest.newBuilder(link).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() != 302) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The seeded links did not become usable within 120 s");
                }
                pause();
            }
        }
        return links;
    }

    private static boolean pause() {
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        return true;
    }
}
