package com.apexshare.upload.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.apexshare.devstack.BenchmarkReport;
import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.FixedRateLoad;
import com.apexshare.devstack.S3Store;
import com.apexshare.devstack.SpringProperties;
import com.apexshare.upload.UploadServiceApplication;
import com.apexshare.upload.upload.ObjectStore;

/**
 * Initiate latency at a fixed rate, over HTTP with a real JWT, against the real servers (Kafka acks=all, PostgreSQL,
 * S3Proxy): each call starts a 4 GiB multipart upload (CreateMultipartUpload, a session row, 100 presigned part URLs,
 * UploadInitiated acknowledged). Then the presigner's throughput on one thread.
 */
public final class UploadBenchmark {

    private static final int RATE = 100;
    private static final String BUCKET = "apexshare-videos-bench";

    private UploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run();
        } catch (Exception e) {
            System.err.println("upload benchmark did not complete:");
            e.printStackTrace();
        } finally {
            // Benchmarks report, never fail. Kafka, PostgreSQL and S3Proxy run non-daemon threads; the hook stops them.
            System.exit(0);
        }
    }

    /** CPU time of the servlet container's request threads ({@code http-nio-…-exec-…}), by thread id. */
    private static Map<Long, Long> requestThreadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("http-nio-") && info.getThreadName().contains("-exec-")) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void run() throws Exception {
        S3Store s3 = DevStack.s3();
        s3.createBucket(BUCKET);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("logging.level.com.apexshare", "WARN");
        SpringProperties.kafka().forEach(properties::put);
        SpringProperties.jwt().forEach(properties::put);
        SpringProperties.datasource("upload").forEach(properties::put);
        properties.put("apexshare.upload.s3.bucket", BUCKET);
        properties.put("apexshare.upload.s3.endpoint", s3.endpoint().toString());
        properties.put("apexshare.upload.s3.path-style-access", "true");
        properties.put("apexshare.upload.s3.access-key", S3Store.ACCESS_KEY);
        properties.put("apexshare.upload.s3.secret-key", S3Store.SECRET_KEY);
        properties.put("apexshare.upload.s3.region", S3Store.REGION);
        // One trainer sends thousands of initiates: limits out of reach, but the quota check still runs on each
        properties.put("apexshare.upload.quotas.uploads-per-hour", "100000000");
        properties.put("apexshare.upload.quotas.bytes-per-day", "1000000TB");

        // As command-line arguments: they outrank application.yaml (builder "properties" would not).
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(UploadServiceApplication.class)
                .run(arguments)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String token = DevStack.identity().trainerToken("bench-trainer", "Bench Trainer", "bench@school.example");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI initiate = URI.create("http://127.0.0.1:" + port + "/api/v1/uploads/initiate");
            String body = """
                    {"studentEmail":"rider@example.com","studentName":"Alex Rider","trainerName":"Bench Trainer",
                    "sessionDate":"%s","notes":"Benchmark","fileName":"GX010042.MP4","fileSize":%d,
                    "contentType":"video/mp4"}""".formatted(LocalDate.now(ZoneOffset.UTC), 4L * 1024 * 1024 * 1024);
            FixedRateLoad.Call call = sequence -> {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(initiate)
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("initiate answered " + response.statusCode());
                }
            };

            // The very first call fetches the issuer's keys, Kafka's metadata and opens the pools: seconds on a loaded
            // machine, more than a call's timeout. It is made once, untimed, with time to spare.
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(initiate)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (first.statusCode() != 201) {
                throw new IllegalStateException("first initiate answered " + first.statusCode());
            }
            // Warm-up (JIT, connection pools): one client, back to back; its mean is reported.
            int sequential = 300;
            Map<Long, Long> requestThreadsBefore = requestThreadCpu();
            long processCpuBefore = processCpuNanos();
            long t0 = System.nanoTime();
            for (int i = 0; i < sequential; i++) {
                call.run(i);
            }
            double meanMillis = (System.nanoTime() - t0) / 1e6 / sequential;
            long processCpu = processCpuNanos() - processCpuBefore;
            long requestCpu = 0;
            for (Map.Entry<Long, Long> thread : requestThreadCpu().entrySet()) {
                requestCpu += thread.getValue() - requestThreadsBefore.getOrDefault(thread.getKey(), 0L);
            }
            BenchmarkReport.record("upload.initiate", "mean latency, 1 client back to back", meanMillis, "ms", "-");
            // CPU barely depends on how loaded the shared machine is, unlike latency.
            BenchmarkReport.record("upload.initiate", "CPU per initiate in the service's request threads",
                    requestCpu / 1e6 / sequential, "ms", "-");
            BenchmarkReport.record("upload.initiate", "JVM CPU per initiate (client, service, Kafka, S3Proxy)",
                    processCpu / 1e6 / sequential, "ms", "-");
            FixedRateLoad.run(RATE, Duration.ofSeconds(5), 32, call);
            FixedRateLoad.Result result = FixedRateLoad.run(RATE, Duration.ofSeconds(20), 32, call);
            BenchmarkReport.record("upload.initiate", "p50 latency at " + RATE + " req/s (4 GiB multipart)",
                    result.percentileMillis(50), "ms", "-");
            BenchmarkReport.record("upload.initiate", "p99 latency at " + RATE + " req/s (4 GiB multipart)",
                    result.percentileMillis(99), "ms", "< 50 ms");
            BenchmarkReport.record("upload.initiate", "errors of " + result.calls() + " calls",
                    result.errors(), "calls", "0");

            ObjectStore store = app.getBean(ObjectStore.class);
            String key = "videos/bench/" + UUID.randomUUID() + "-x.mp4";
            String uploadId = store.createMultipartUpload(key, "video/mp4");
            Duration presignExpiry = Duration.ofMinutes(15);
            for (int i = 0; i < 20_000; i++) {
                store.presignPart(key, uploadId, 1 + i % 10_000, 16L * 1024 * 1024, presignExpiry);
            }
            long urls = 0;
            long start = System.nanoTime();
            long end = start + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < end) {
                store.presignPart(key, uploadId, 1 + (int) (urls % 10_000), 16L * 1024 * 1024, presignExpiry);
                urls++;
            }
            double perSecond = urls / ((System.nanoTime() - start) / 1e9);
            BenchmarkReport.record("upload.presign", "presigned UploadPart URLs per second (1 thread)", perSecond,
                    "URLs/s", "-");
            store.abortMultipartUpload(key, uploadId);
        }
    }
}
