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
import com.apexshare.events.Topics;

/**
 * Link-opening latency over HTTP against the running service with the real servers (Kafka, PostgreSQL, S3Proxy): each
 * call opens a student link ({@code GET /d/{token}}: token check, hash look-up, presigning, outbox append) and expects
 * the 302. Open-loop at 500 requests/s for 20 s after a warm-up (30,000 calls, so that the JIT has compiled the hot
 * path, then 5 s at the target rate); the rate limit is raised so that it does not refuse the load generator's single
 * address. Besides the client-side latency it reports the time spent inside the service and the JVM's CPU per call.
 */
public final class DownloadBenchmark {

    private static final int RATE = Integer.getInteger("bench.rate", 500);
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    /** The JIT needs tens of thousands of calls before the SDK's presigner and the MVC stack run compiled. */
    private static final int WARM_UP_CALLS = 30_000;
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
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DownloadServiceApplication.class,
                ServerTiming.class)
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

            warmUp(open);
            FixedRateLoad.run(RATE, WARM_UP, 64, open);
            ServerTiming.MICROS.reset();
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            double load = os.getSystemLoadAverage();
            Map<String, Long> threadsBefore = threadCpu();
            long cpuBefore = os.getProcessCpuTime();
            FixedRateLoad.Result result = FixedRateLoad.run(RATE, MEASURED, 64, open);
            long cpuNanos = os.getProcessCpuTime() - cpuBefore;
            printThreadCpu(threadsBefore, threadCpu(), cpuNanos, result.calls());
            double loadAfter = os.getSystemLoadAverage();

            String metric = "link open at " + RATE + " req/s, ";
            BenchmarkReport.record("download.open-link", metric + "p50", result.percentileMillis(50), "ms", "-");
            BenchmarkReport.record("download.open-link", metric + "p95", result.percentileMillis(95), "ms", "<= 10 ms");
            BenchmarkReport.record("download.open-link", metric + "p99", result.percentileMillis(99), "ms", "-");
            String server = "in-service time at " + RATE + " req/s, ";
            BenchmarkReport.record("download.open-link", server + "p50",
                    ServerTiming.MICROS.getValueAtPercentile(50) / 1000.0, "ms", "-");
            BenchmarkReport.record("download.open-link", server + "p95",
                    ServerTiming.MICROS.getValueAtPercentile(95) / 1000.0, "ms", "-");
            BenchmarkReport.record("download.open-link", server + "p99",
                    ServerTiming.MICROS.getValueAtPercentile(99) / 1000.0, "ms", "-");
            BenchmarkReport.record("download.open-link", "JVM CPU per opening (client+service+Kafka)",
                    cpuNanos / 1000.0 / result.calls(), "us", "-");
            BenchmarkReport.record("download.open-link", "machine load average at start (2 cores)", load, "load", "-");
            BenchmarkReport.record("download.open-link", "machine load average at end (2 cores)", loadAfter, "load", "-");
            BenchmarkReport.record("download.open-link", "achieved rate", result.achievedRate(), "req/s", RATE + " req/s");
            BenchmarkReport.record("download.open-link", "errors (non-302)", result.errors(), "calls", "0");
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long backlog;
            do {
                backlog = jdbc.sql("SELECT count(*) FROM outbox WHERE topic = :topic")
                        .param("topic", Topics.DOWNLOADED.name()).query(Long.class).single();
            } while (backlog > 0 && System.nanoTime() < deadline && pause());
            BenchmarkReport.record("download.open-link", "Downloaded outbox backlog 30 s after load", backlog, "rows",
                    "0");
        }
    }

    /** Closed-loop warm-up: {@link #WARM_UP_CALLS} openings from 8 threads as fast as they go (at most 3 minutes). */
    private static void warmUp(FixedRateLoad.Call open) throws InterruptedException {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        for (int t = 0; t < 8; t++) {
            pool.execute(() -> {
                long i;
                while ((i = next.getAndIncrement()) < WARM_UP_CALLS && System.nanoTime() < deadline) {
                    try {
                        open.run(i);
                    } catch (Exception e) {
                        // counted in the measured run, not here
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(4, java.util.concurrent.TimeUnit.MINUTES);
        System.out.printf("warm-up: %d calls%n", Math.min(next.get(), WARM_UP_CALLS));
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

    /** CPU time per thread group (digits in names folded), to show where a run's CPU went. */
    private static Map<String, Long> threadCpu() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new HashMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long t = threads.getThreadCpuTime(info.getThreadId());
                if (t > 0) {
                    cpu.merge(info.getThreadName().replaceAll("\\d+", "N"), t, Long::sum);
                }
            }
        }
        return cpu;
    }

    private static void printThreadCpu(Map<String, Long> before, Map<String, Long> after, long processNanos,
            long calls) {
        long javaThreads = 0;
        List<Map.Entry<String, Long>> deltas = new ArrayList<>();
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long delta = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            javaThreads += Math.max(0, delta);
            deltas.add(Map.entry(e.getKey(), delta));
        }
        deltas.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        System.out.printf("CPU per call: process %d us, Java threads %d us, JIT/GC/other %d us%n",
                processNanos / 1000 / calls, javaThreads / 1000 / calls, (processNanos - javaThreads) / 1000 / calls);
        deltas.stream().limit(12).forEach(e -> System.out.printf("  %-60s %6d us/call%n", e.getKey(),
                e.getValue() / 1000 / calls));
    }

    private static boolean pause() {
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        return true;
    }
}
