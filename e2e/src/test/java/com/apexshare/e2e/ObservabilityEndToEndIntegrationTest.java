package com.apexshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.apexshare.devstack.TopicContents;
import com.apexshare.devstack.local.LocalRun;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One upload through the running system while a real Prometheus (Debian's binary) scrapes every service and the
 * gateway, with the chart's alert rules loaded: every dashboard query and every alert rule is evaluated through
 * Prometheus' HTTP API; the trace id of the initiate request is followed to notification-service's log line of the
 * upload's email and to the {@code Downloaded} event's headers; and no log line holds the student's address or the
 * link's token.
 */
@ExtendWith(TheSystem.class)
class ObservabilityEndToEndIntegrationTest {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+/d/([A-Za-z0-9_-]{43})");
    /** Spring Boot's log correlation: {@code [<trace id>-<span id>]}. */
    private static final Pattern TRACE_ID = Pattern.compile("\\[([0-9a-f]{32})-[0-9a-f]{16}\\]");
    private static final Duration PROPAGATION = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path CHART_FILES = Path.of("..", "k8s", "apexshare", "files");
    /** Series that exist only after a failure of their kind (a counter is registered with its first increment). */
    private static final Set<String> ONLY_AFTER_A_FAILURE =
            Set.of("apexshare_emails_failed_total", "apexshare_events_rejected_total");

    @TempDir
    static Path files;

    private static LocalRun system;
    private static PrometheusServer prometheus;
    private static String student;
    private static String fileId;
    private static String linkToken;

    @BeforeAll
    static void oneUploadWhilePrometheusScrapes(LocalRun running) throws Exception {
        system = running;
        Map<String, String> targets = new LinkedHashMap<>();
        for (String service : LocalRun.SERVICES) {
            targets.put(service, "127.0.0.1:" + system.service(service).port());
        }
        targets.put(LocalRun.GATEWAY, "127.0.0.1:" + system.gateway().healthPort());
        long t0 = System.nanoTime();
        prometheus = PrometheusServer.start(Files.createDirectories(files.resolve("prometheus")), targets,
                CHART_FILES.resolve("prometheus/apexshare-rules.yaml"));
        TheSystem.report("prometheus start-up", (System.nanoTime() - t0) / 1e9, "s");

        // A trainer uploads a small video with the CLI; the student gets the email and opens the link
        String token = system.identity().trainerToken("trainer-" + UUID.randomUUID(), "Olga Trainer", null);
        student = "obs-" + UUID.randomUUID() + "@student.example";
        Path video = files.resolve("observed.mp4");
        Files.write(video, new byte[2 * 1024 * 1024]);
        int exit = cli(token, "upload", video.toString(), "--student-email", student, "--student-name", "Oli Rider",
                "--session-date", "2026-11-22");
        assertThat(exit).isZero();
        await().atMost(PROPAGATION).until(
                () -> system.smtp().greenMail().getReceivedMessagesForDomain(student).length >= 1);
        MimeMessage email = system.smtp().greenMail().getReceivedMessagesForDomain(student)[0];
        Matcher link = LINK.matcher(text(email));
        assertThat(link.find()).as("a link in the email").isTrue();
        linkToken = link.group(1);
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(link.group())).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 302);
        // A made-up link (refused), and a record nobody can decode (dead-lettered by its consumers)
        HTTP.send(HttpRequest.newBuilder(system.apiUri().resolve("/d/" + "x".repeat(43))).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        publishPoisonRecord();
        fileId = fileIdOf(token);
        HttpResponse<String> status = HTTP.send(HttpRequest.newBuilder(system.apiUri().resolve(
                "/api/v1/notifications/" + fileId)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);

        // Prometheus has scraped what happened (the download and the dead letters)
        try {
            await().atMost(Duration.ofMinutes(2)).until(() -> !result(prometheus.query(
                    "sum(apexshare_downloads_opened_total) > 0 and sum(apexshare_kafka_dead_letters_total) > 0"))
                    .isEmpty());
            // Kafka's per-partition lag metrics join Micrometer's registry at its next refresh (every minute)
            await().atMost(Duration.ofMinutes(2)).until(() -> result(prometheus.query(
                    "count by (application) (kafka_consumer_fetch_manager_records_lag)")).size() == 4);
        } finally {
            for (JsonNode target : prometheus.get("/api/v1/targets").path("data").path("activeTargets")) {
                System.out.printf("PROMETHEUS target %s %s %s%n", target.path("scrapeUrl").asString(),
                        target.path("health").asString(), target.path("lastError").asString());
            }
            System.out.println("PROMETHEUS http series: " + summary(prometheus.query(
                    "count by (application, uri) (http_server_requests_seconds_count)")));
            System.out.println("PROMETHEUS series: " + summary(prometheus.query(
                    "count by (__name__, application) ({__name__=~\"apexshare_.*|kafka_consumer_fetch_manager_records_lag.*|spring_kafka.*|catalog_.*\"})")));
        }
        TheSystem.report("flow done and scraped (since prometheus start)", (System.nanoTime() - t0) / 1e9, "s");
    }

    @AfterAll
    static void stopPrometheus() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void shouldAnswerEveryDashboardQueryWithData() throws IOException {
        // Given every query of every dashboard the chart ships
        List<String> empty = new ArrayList<>();
        int queries = 0;
        try (Stream<Path> dashboards = Files.list(CHART_FILES.resolve("dashboards")).sorted()) {
            for (Path file : dashboards.toList()) {
                JsonNode dashboard = JSON.readTree(Files.readString(file));
                for (JsonNode panel : dashboard.path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        // When Prometheus evaluates it (Grafana's $__rate_interval as five minutes: the whole flow)
                        String expr = target.path("expr").asString().replace("$__rate_interval", "5m");
                        JsonNode answer = prometheus.query(expr);
                        queries++;
                        // Then it parses, and returns data
                        assertThat(answer.path("status").asString()).as("%s: %s", expr, answer).isEqualTo("success");
                        List<String> series = summary(answer);
                        System.out.printf("DASHBOARD %-22s | %-55s | %-28s -> %s%n", file.getFileName(),
                                panel.path("title").asString(), target.path("legendFormat").asString(), series);
                        if (series.isEmpty()) {
                            empty.add(file.getFileName() + ": " + panel.path("title").asString() + ": " + expr);
                        }
                    }
                }
            }
        }
        TheSystem.report("dashboard queries evaluated", queries, "");
        assertThat(empty).as("queries without data").isEmpty();
    }

    @Test
    void shouldEvaluateEveryAlertRuleOnTheScrapedSeries() {
        // Given the chart's rules, loaded by Prometheus and evaluated every second
        await().atMost(Duration.ofSeconds(30)).until(() -> alertRules().size() >= 14
                && alertRules().stream().allMatch(r -> !r.path("lastEvaluation").asString().startsWith("0001")));
        List<JsonNode> rules = alertRules();

        for (JsonNode rule : rules) {
            String name = rule.path("name").asString();
            String expr = rule.path("query").asString();
            // Then each evaluates without an error
            assertThat(rule.path("health").asString()).as("%s: %s", name, rule.path("lastError")).isEqualTo("ok");
            // Then every series it reads exists (except those that appear with their first failure)
            Set<String> metrics = new LinkedHashSet<>();
            Matcher m = Pattern.compile("\\b((?:kafka|apexshare|http)_[a-z0-9_]+)").matcher(expr);
            while (m.find()) {
                metrics.add(m.group(1));
            }
            Map<String, Integer> seriesPerMetric = new LinkedHashMap<>();
            for (String metric : metrics) {
                seriesPerMetric.put(metric, result(prometheus.query("count(" + metric + ")")).isEmpty() ? 0
                        : (int) Double.parseDouble(result(prometheus.query("count(" + metric + ")")).get(0)
                                .path("value").get(1).asString()));
            }
            List<String> value = summary(prometheus.query(expr));
            System.out.printf("ALERT %-40s state=%-8s series read %s -> %s%n", name, rule.path("state").asString(),
                    seriesPerMetric, value);
            seriesPerMetric.forEach((metric, count) -> {
                if (!ONLY_AFTER_A_FAILURE.contains(metric)) {
                    assertThat(count).as("%s reads %s", name, metric).isPositive();
                }
            });
        }
        // Then the dead letters of the poison record fire their alert, and nothing else fires on a healthy system
        assertThat(rules).filteredOn(r -> r.path("name").asString().equals("ApexShareDeadLetters"))
                .allSatisfy(r -> assertThat(r.path("state").asString()).isEqualTo("firing"));
        assertThat(rules).filteredOn(r -> !r.path("name").asString().equals("ApexShareDeadLetters"))
                .allSatisfy(r -> assertThat(r.path("state").asString()).as(r.path("name").asString())
                        .isEqualTo("inactive"));
    }

    @Test
    void shouldCarryTheInitiateRequestsTraceIdToTheCompletionAndTheDownloadedEvent() throws IOException {
        // Given the trace id the upload-service logged the initiate request with
        String traceId = traceIdOf(logLine("upload-service", "Upload " + fileId + " started"));
        System.out.println("TRACE initiate of " + fileId + ": " + traceId);

        // Then UploadCompleted (published by the complete request, another trace) continues the upload's trace: the
        // record notification-service's listener handles the email for
        assertThat(traceparents("apexshare.upload-completed.v1")).isNotEmpty()
                .allSatisfy(traceparent -> assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-0[01]"));
        // Then so does the Downloaded event of the link opening (another request; sent by the outbox relay)
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(traceparents("apexshare.downloaded.v1"))
                .isNotEmpty()
                .allSatisfy(traceparent -> assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-0[01]")));
    }

    @Test
    void shouldLogTheEmailOfTheUploadInTheInitiateRequestsTrace() throws IOException {
        // Given the trace id the upload-service logged the initiate request with
        String traceId = traceIdOf(logLine("upload-service", "Upload " + fileId + " started"));

        // Then notification-service's log line of the upload's email (its listener, handling UploadCompleted) carries
        // it (through the platform's listener observation)
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(
                traceIdOf(logLine("notification-service", "Upload " + fileId + " is complete"))).isEqualTo(traceId));
    }

    @Test
    void shouldKeepTheStudentsAddressAndTheLinkTokenOutOfEveryLogLine() throws IOException {
        // Given the logs of every service and the gateway after the upload, the email and the download
        List<Path> logs = new ArrayList<>();
        for (String service : LocalRun.SERVICES) {
            logs.add(system.service(service).logFile());
        }
        logs.add(system.gateway().logFile());

        // Then no line holds the student's address or the link's token
        long lines = 0;
        for (Path log : logs) {
            List<String> all = Files.readAllLines(log);
            lines += all.size();
            assertThat(all).as(log.toString()).noneMatch(line -> line.contains(student))
                    .noneMatch(line -> line.contains(linkToken));
        }
        // Then every line of the upload's services carries the trace and span ids slot of Spring's correlation
        assertThat(Files.readAllLines(system.service("upload-service").logFile()))
                .filteredOn(line -> line.contains("Upload " + fileId)).isNotEmpty()
                .allMatch(line -> TRACE_ID.matcher(line).find());
        TheSystem.report("log lines checked for the address and the token", lines, "");
    }

    private static List<JsonNode> alertRules() {
        List<JsonNode> rules = new ArrayList<>();
        for (JsonNode group : prometheus.get("/api/v1/rules?type=alert").path("data").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private static List<JsonNode> result(JsonNode answer) {
        List<JsonNode> series = new ArrayList<>();
        for (JsonNode s : answer.path("data").path("result")) {
            series.add(s);
        }
        return series;
    }

    /** Each series as its labels (no __name__) and value, e.g. {@code {application=upload-service}=3}. */
    private static List<String> summary(JsonNode answer) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : result(answer)) {
            Map<String, String> labels = new LinkedHashMap<>();
            s.path("metric").propertyStream().filter(e -> !e.getKey().equals("__name__"))
                    .forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
            String value = s.path("value").get(1).asString();
            out.add(labels + "=" + (value.length() > 8 ? value.substring(0, 8) : value));
        }
        return out;
    }

    /** The traceparent headers of the upload's records on the topic. */
    private static List<String> traceparents(String topic) {
        List<String> found = new ArrayList<>();
        for (TopicContents.Entry<byte[]> entry : TopicContents.read(system.kafka().bootstrapServers(), List.of(topic),
                new ByteArrayDeserializer(), TopicContents.DEFAULT_TIMEOUT).withKey(fileId)) {
            found.add(String.valueOf(entry.header("traceparent")));
        }
        System.out.println("TRACE " + topic + " of " + fileId + ": " + found);
        return found;
    }

    private static String logLine(String service, String containing) throws IOException {
        return Files.readAllLines(system.service(service).logFile()).stream().filter(l -> l.contains(containing))
                .findFirst().orElseThrow(() -> new AssertionError(service + " logged no line with: " + containing));
    }

    private static String traceIdOf(String line) {
        Matcher m = TRACE_ID.matcher(line);
        assertThat(m.find()).as("trace id in: %s", line).isTrue();
        return m.group(1);
    }

    private static String fileIdOf(String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                system.apiUri().resolve("/api/v1/uploads/recent?limit=10&offset=0"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode uploads = JSON.readTree(response.body()).path("data").path("uploads");
        assertThat(uploads).hasSize(1);
        return uploads.get(0).path("fileId").asString();
    }

    private static void publishPoisonRecord() throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafka().bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("apexshare.downloaded.v1", UUID.randomUUID().toString(),
                    "not an Avro event".getBytes())).get(30, TimeUnit.SECONDS);
        }
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/*")) {
            return part.getContent().toString();
        }
        StringBuilder text = new StringBuilder();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i))).append('\n');
            }
        }
        return text.toString();
    }

    /** The trainer CLI's executable jar as a process, with a home of this test's. */
    private static int cli(String token, String... args) throws IOException, InterruptedException {
        Path jar = system.repositoryRoot().resolve("cli/target/apexshare.jar");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(files, "cli", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("APEXSHARE_API_URL", system.apiUri().toString(),
                "APEXSHARE_TOKEN", token, "APEXSHARE_HOME", files.resolve("cli-home").toString()));
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("CLI did not finish: " + Files.readString(log));
        }
        System.out.println(Files.readString(log));
        return process.exitValue();
    }
}
