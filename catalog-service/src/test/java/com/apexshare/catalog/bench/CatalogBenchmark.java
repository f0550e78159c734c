package com.apexshare.catalog.bench;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import com.apexshare.catalog.CatalogServiceApplication;
import com.apexshare.catalog.TestEvents;
import com.apexshare.devstack.BenchmarkReport;
import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.FixedRateLoad;
import com.apexshare.devstack.Postgres;
import com.apexshare.devstack.S3Store;
import com.apexshare.devstack.SpringProperties;
import com.apexshare.events.CompletionSource;
import com.apexshare.events.Topic;
import com.apexshare.events.Topics;
import com.apexshare.events.serde.AvroEventSerializer;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Catalog benchmarks (not a test; {@code mvn -pl catalog-service -Pbenchmarks verify}):
 * <ol>
 * <li>ingest: a backlog of 200,000 mixed events (40,000 uploads × initiated, completed by client and by S3, email
 * sent, downloaded) is produced first; then the listener is started and the time until all are applied gives
 * events/s (goal ≥ 10,000/s);</li>
 * <li>dashboard: 1,000,000 uploads of 1,000 trainers are loaded with COPY, then {@code GET /api/v1/uploads/recent}
 * (and a deep cursor page and an email filter) are called over HTTP with a valid JWT at a fixed rate; p95 end to end
 * (HTTP, JWT check, query, JSON) against a goal of ≤ 20 ms.</li>
 * </ol>
 * Uses its own database ({@code catalog_bench}) on a devstack PostgreSQL of its own JVM.
 */
public final class CatalogBenchmark {

    private static final int UPLOADS_IN_BACKLOG = 40_000;
    private static final int EVENTS_IN_BACKLOG = UPLOADS_IN_BACKLOG * 5;
    private static final int TRAINERS = 1_000;
    private static final int UPLOADS_PER_TRAINER = 1_000;
    private static final String DATABASE = "catalog_bench";

    private CatalogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "com.apexshare.events");
        int status = 0;
        try {
            produceBacklog();
            try (ConfigurableApplicationContext app = start()) {
                ingest(app);
                loadUploads();
                repositoryLevel();
                dashboard(app);
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        // The in-process servers keep non-daemon threads; exit stops them through DevStack's shutdown hook.
        System.exit(status);
    }

    private static void produceBacklog() throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.kafka().bootstrapServers());
        // The catalog does not depend on order, so the backlog needs no idempotent producer (whose sequence checks
        // trip over freshly created partitions on a loaded machine).
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // The catalog's topics with their partition counts, as the services would create them.
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", DevStack.kafka().bootstrapServers()))) {
            admin.createTopics(Topics.events().stream().map(t -> new org.apache.kafka.clients.admin.NewTopic(
                    t.name(), t.partitions(), (short) 1)).toList()).all().get();
            awaitLeaders(admin);
        }
        long t0 = System.nanoTime();
        try (KafkaProducer<String, SpecificRecord> producer =
                     new KafkaProducer<>(p, new StringSerializer(), new AvroEventSerializer())) {
            Instant base = TestEvents.now().minus(Duration.ofDays(1));
            List<Future<RecordMetadata>> last = new ArrayList<>();
            for (int i = 0; i < UPLOADS_IN_BACKLOG; i++) {
                String fileId = UUID.randomUUID().toString();
                Instant at = base.plusMillis(i);
                String trainer = "trainer-ingest-" + (i % TRAINERS);
                send(producer, TestEvents.initiated(fileId, trainer, at).build(), last);
                send(producer, TestEvents.completed(fileId, at.plusSeconds(60), 1000L + i, CompletionSource.CLIENT), last);
                send(producer, TestEvents.completed(fileId, at.plusSeconds(61), 1000L + i,
                        CompletionSource.S3_NOTIFICATION), last);
                send(producer, TestEvents.emailSent(fileId, at.plusSeconds(62)), last);
                send(producer, TestEvents.downloaded(fileId, UUID.randomUUID().toString(), at.plusSeconds(120)), last);
                if (last.size() > 50_000) {
                    for (Future<RecordMetadata> f : last) {
                        f.get();
                    }
                    last.clear();
                }
            }
            producer.flush();
            for (Future<RecordMetadata> f : last) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("Backlog of %,d events produced in %.1f s%n", EVENTS_IN_BACKLOG, seconds);
    }

    private static void awaitLeaders(org.apache.kafka.clients.admin.Admin admin) throws Exception {
        List<String> names = Topics.events().stream().map(Topic::name).toList();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            boolean ready = admin.describeTopics(names).allTopicNames().get().values().stream()
                    .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
            if (ready) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        throw new IllegalStateException("Partitions without leader after 60 s");
    }

    private static void send(KafkaProducer<String, SpecificRecord> producer, SpecificRecord event,
            List<Future<RecordMetadata>> pending) {
        String fileId = String.valueOf(((org.apache.avro.generic.GenericRecord) event).get("fileId"));
        String topic = Topics.events().stream().filter(t -> t.valueType() == event.getClass()).map(Topic::name)
                .findFirst().orElseThrow();
        pending.add(producer.send(new ProducerRecord<>(topic, fileId, event)));
    }

    private static ConfigurableApplicationContext start() {
        Map<String, Object> properties = new HashMap<>();
        properties.putAll(SpringProperties.kafka());
        properties.putAll(SpringProperties.jwt());
        properties.putAll(SpringProperties.datasource(DATABASE));
        properties.put("server.port", "0");
        properties.put("spring.kafka.listener.auto-startup", "false");
        properties.put("apexshare.catalog.retention.enabled", "false");
        properties.put("apexshare.catalog.s3.endpoint", DevStack.s3().endpoint().toString());
        properties.put("apexshare.catalog.s3.access-key", S3Store.ACCESS_KEY);
        properties.put("apexshare.catalog.s3.secret-key", S3Store.SECRET_KEY);
        properties.put("apexshare.catalog.s3.path-style-access", "true");
        properties.put("spring.datasource.hikari.maximum-pool-size", "16");
        // As command-line arguments: SpringApplicationBuilder.properties(…) would rank below application.yaml.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(CatalogServiceApplication.class).run(args);
    }

    private static void ingest(ConfigurableApplicationContext app) {
        MeterRegistry meters = app.getBean(MeterRegistry.class);
        double before = applied(meters);
        long t0 = System.nanoTime();
        // Every listener of the catalog (one per topic), as the service starts them.
        app.getBean(KafkaListenerEndpointRegistry.class).getListenerContainers().forEach(c -> c.start());
        long deadline = t0 + Duration.ofMinutes(10).toNanos();
        long first = 0;
        double appliedAtFirst = 0;
        while (applied(meters) < EVENTS_IN_BACKLOG && System.nanoTime() < deadline) {
            if (first == 0 && applied(meters) > 0) {
                first = System.nanoTime();
                appliedAtFirst = applied(meters);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        long end = System.nanoTime();
        double seconds = (end - t0) / 1e9;
        double done = applied(meters);
        System.out.printf("Applied %,.0f events (%,.0f before start) in %.1f s, the first after %.1f s%n", done,
                before, seconds, (first - t0) / 1e9);
        BenchmarkReport.record("catalog.ingest", "events applied/s, 200k backlog, incl. group join",
                done / seconds, "events/s", ">= 10000");
        BenchmarkReport.record("catalog.ingest", "events applied/s, 200k backlog, after 1st batch",
                (done - appliedAtFirst) / ((end - first) / 1e9), "events/s", ">= 10000");
    }

    private static double applied(MeterRegistry meters) {
        return meters.find("catalog.events.applied").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** One million uploads, 1,000 per trainer, over the last 30 days, through COPY. */
    private static void loadUploads() throws SQLException, IOException {
        long t0 = System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (Connection connection = DriverManager.getConnection(DevStack.postgres().jdbcUrl(DATABASE),
                Postgres.USER, Postgres.PASSWORD)) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            String sql = "COPY catalog.upload (file_id, trainer_id, trainer_name, student_email, student_name, "
                    + "session_date, notes, file_name, original_file_name, file_size, content_type, s3_bucket, s3_key, "
                    + "upload_mode, upload_date, retention_until, completed_at, stored_size, etag, email_sent_at, "
                    + "download_count) FROM STDIN (FORMAT csv)";
            ThreadLocalRandom random = ThreadLocalRandom.current();
            int chunk = 50_000;
            StringBuilder rows = new StringBuilder(chunk * 300);
            for (int i = 0; i < TRAINERS * UPLOADS_PER_TRAINER; i++) {
                UUID fileId = UUID.randomUUID();
                int trainer = random.nextInt(TRAINERS);
                Instant uploaded = now.minusMillis(random.nextLong(Duration.ofDays(30).toMillis()));
                LocalDate session = LocalDate.ofInstant(uploaded, java.time.ZoneOffset.UTC).minusDays(random.nextInt(3));
                rows.append(fileId).append(",trainer-").append(trainer).append(",Trainer ").append(trainer)
                        .append(",student").append(random.nextInt(20_000)).append("@student.example,Student ")
                        .append(i).append(',').append(session).append(",Notes,GX").append(i).append(".MP4,GX")
                        .append(i).append(".MP4,").append(100_000_000 + i).append(",video/mp4,apexshare-videos,videos/")
                        .append(session).append('/').append(fileId).append("-GX").append(i).append(".MP4,MULTIPART,")
                        .append(uploaded).append(',').append(uploaded.plus(Duration.ofDays(30))).append(',')
                        .append(uploaded.plusSeconds(300)).append(',').append(100_000_000 + i).append(",etag-")
                        .append(i).append(',').append(uploaded.plusSeconds(310)).append(',')
                        .append(random.nextInt(5)).append('\n');
                if (rows.length() > 0 && (i + 1) % chunk == 0) {
                    copy.copyIn(sql, new StringReader(rows.toString()));
                    rows.setLength(0);
                }
            }
            if (rows.length() > 0) {
                copy.copyIn(sql, new StringReader(rows.toString()));
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("VACUUM ANALYZE catalog.upload");
            }
        }
        System.out.printf("Loaded %,d uploads in %.1f s%n", TRAINERS * UPLOADS_PER_TRAINER,
                (System.nanoTime() - t0) / 1e9);
    }

    private static void dashboard(ConfigurableApplicationContext app) throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(java.util.concurrent.Executors.newFixedThreadPool(4))
                .build();
        String[] tokens = new String[TRAINERS];
        for (int i = 0; i < TRAINERS; i++) {
            tokens[i] = DevStack.identity().trainerToken("trainer-" + i, "Trainer " + i, null);
        }
        String base = "http://127.0.0.1:" + port;
        // A cursor in the middle of a trainer's list, for the deep keyset page.
        String cursor = new com.apexshare.catalog.upload.PageCursor(Instant.now().minus(Duration.ofDays(15)),
                new UUID(-1L, -1L)).encode();

        FixedRateLoad.Call recent = seq -> call(http, base + "/api/v1/uploads/recent?limit=10&offset=0",
                tokens[(int) (seq % TRAINERS)]);
        FixedRateLoad.Call deep = seq -> call(http, base + "/api/v1/uploads?limit=20&cursor=" + cursor,
                tokens[(int) (seq % TRAINERS)]);
        FixedRateLoad.Call byEmail = seq -> call(http, base + "/api/v1/uploads?studentEmail="
                + URLEncoder.encode("student" + (seq % 20_000) + "@student.example", StandardCharsets.UTF_8),
                tokens[(int) (seq % TRAINERS)]);

        // 50 req/s is three times the brief's sustained load (1,000 requests/minute) on one replica.
        FixedRateLoad.run(50, Duration.ofSeconds(20), 8, recent);
        FixedRateLoad.run(50, Duration.ofSeconds(5), 8, deep);
        FixedRateLoad.run(50, Duration.ofSeconds(5), 8, byEmail);
        FixedRateLoad.Result r = FixedRateLoad.run(50, Duration.ofSeconds(30), 8, recent);
        report("HTTP /recent?limit=10 p95 @50 req/s, 1M rows", r, 95);
        report("HTTP /recent?limit=10 p99 @50 req/s, 1M rows", r, 99);
        FixedRateLoad.Result d = FixedRateLoad.run(50, Duration.ofSeconds(20), 8, deep);
        report("HTTP cursor page (limit=20) p95 @50 req/s", d, 95);
        FixedRateLoad.Result e = FixedRateLoad.run(50, Duration.ofSeconds(20), 8, byEmail);
        report("HTTP studentEmail filter p95 @50 req/s", e, 95);
        FixedRateLoad.Result busy = FixedRateLoad.run(150, Duration.ofSeconds(20), 16, recent);
        report("HTTP /recent?limit=10 p95 @150 req/s", busy, 95);
    }

    /** The dashboard's two statements straight on PostgreSQL, to separate database time from the rest. */
    private static void repositoryLevel() throws SQLException {
        try (Connection connection = DriverManager.getConnection(DevStack.postgres().jdbcUrl(DATABASE),
                Postgres.USER, Postgres.PASSWORD);
             var page = connection.prepareStatement("SELECT * FROM catalog.upload WHERE trainer_id = ? "
                     + "ORDER BY upload_date DESC, file_id DESC OFFSET 0 ROWS FETCH FIRST 10 ROWS ONLY");
             var count = connection.prepareStatement("SELECT count(*) FROM catalog.upload WHERE trainer_id = ?");
             Statement explain = connection.createStatement()) {
            try (var plan = explain.executeQuery("EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM catalog.upload "
                    + "WHERE trainer_id = 'trainer-7' ORDER BY upload_date DESC, file_id DESC LIMIT 10")) {
                while (plan.next()) {
                    System.out.println("  " + plan.getString(1));
                }
            }
            org.HdrHistogram.Histogram histogram = new org.HdrHistogram.Histogram(3);
            for (int i = 0; i < 5_000; i++) {
                String trainer = "trainer-" + ThreadLocalRandom.current().nextInt(TRAINERS);
                long t0 = System.nanoTime();
                page.setString(1, trainer);
                try (var rs = page.executeQuery()) {
                    while (rs.next()) {
                        rs.getString("file_id");
                    }
                }
                count.setString(1, trainer);
                try (var rs = count.executeQuery()) {
                    rs.next();
                }
                if (i >= 1_000) {
                    histogram.recordValue((System.nanoTime() - t0) / 1_000);
                }
            }
            BenchmarkReport.record("catalog.dashboard", "SQL page+count p95 (JDBC), 1M rows",
                    histogram.getValueAtPercentile(95) / 1000.0, "ms", "<= 20 ms");
        }
    }

    private static void report(String metric, FixedRateLoad.Result result, double percentile) {
        System.out.printf("%s: %d calls, %d errors, %.0f req/s, p50 %.2f ms%n", metric, result.calls(),
                result.errors(), result.achievedRate(), result.percentileMillis(50));
        BenchmarkReport.record("catalog.dashboard", metric, result.percentileMillis(percentile), "ms", "<= 20 ms");
    }

    private static void call(HttpClient http, String url, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
    }
}
