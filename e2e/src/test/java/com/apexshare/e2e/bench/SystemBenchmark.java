package com.apexshare.e2e.bench;

import com.apexshare.devstack.BenchmarkReport;
import com.apexshare.devstack.FixedRateLoad;
import com.apexshare.devstack.Ports;
import com.apexshare.devstack.Postgres;
import com.apexshare.devstack.S3Store;
import com.apexshare.devstack.local.LocalRun;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The performance goals of issue 15, measured on the whole system through the real gateway, each next to baselines
 * taken in the same run and on the same machine (not a test; {@code mvn -B -ntp -Pbenchmarks verify -pl e2e -am}).
 *
 * <p>First the README's local run itself ({@code java -jar devstack/target/apexshare-local.jar}, free ports, a fresh
 * data folder): time until it says it is running, and the resident memory of all its processes (RSS, and PSS, which
 * counts pages that PostgreSQL's processes share once). Then the same system in this JVM ({@link LocalRun}, the same
 * jars and JVM options as processes), with the production tracing sample rate (one in ten) and the per-client limits
 * raised out of the load generator's way, and four scenarios, each open-loop at a fixed rate ({@link FixedRateLoad},
 * latency from each call's intended start) in alternating slices with its baselines so that all see the same machine:
 * <ul>
 * <li>initiate a 4 GiB upload at 100 and 200 req/s: through the gateway, straight to upload-service, the raw work
 * (S3 CreateMultipartUpload + a PostgreSQL insert + an acknowledged Kafka send, from this JVM) and a trivial request
 * through the gateway; CPU per initiate of the upload-service process;</li>
 * <li>open a student link ({@code GET /d/{token}}, 302) at 500 req/s through the gateway, straight to download-service
 * and the trivial request; then rising rates to find the highest one sustained;</li>
 * <li>the dashboard ({@code GET /api/v1/uploads?limit=20}) at 100 req/s with 1,000,000 uploads in the catalog, 100,000
 * of them the measured trainer's;</li>
 * <li>complete → email handed to SMTP: from the end of the upload's PUT (S3 tells the system, the client completes)
 * until GreenMail holds the student's email, against a bare SMTP hand-off from this JVM.</li>
 * </ul>
 * The trivial request is {@code GET /d/x} (a malformed link): routed, filtered and proxied like every call, answered by
 * download-service without a database. Numbers only; it never fails.
 */
public final class SystemBenchmark {

    private static final Duration WARM_UP =
            Duration.ofSeconds(Integer.parseInt(setting("bench.warmUpSeconds", "20")));
    private static final Duration MEASURED = Duration.ofSeconds(Integer.parseInt(setting("bench.seconds", "20")));
    private static final int SLICES = 4;
    private static final long GIB = 1L << 30;
    private static final Pattern LINK = Pattern.compile("/d/([A-Za-z0-9_-]{43})");
    private static final Pattern FILE_ID = Pattern.compile("\"fileId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern UPLOAD_URL = Pattern.compile("\"uploadUrl\"\\s*:\\s*\"([^\"]+)\"");
    private static final String TRIVIAL = "trivial request through the gateway";

    private final LocalRun system;
    private final HttpClient http;
    private final URI gateway;

    private SystemBenchmark(LocalRun system) {
        this.system = system;
        this.gateway = system.apiUri();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).executor(Executors.newFixedThreadPool(16))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static void main(String[] args) {
        printUptime("start");
        double loadBefore = load();
        try {
            String only = setting("bench.only", "footprint,initiate,link,dashboard,email");
            if (only.contains("footprint")) {
                localRunFootprint();
            }
            Path data = Files.createTempDirectory("apexshare-system-bench-");
            try (LocalRun system = LocalRun.start(settings(data), System.out)) {
                SystemBenchmark bench = new SystemBenchmark(system);
                bench.firstCalls();
                if (only.contains("initiate")) {
                    bench.initiate(100);
                    bench.initiate(200);
                }
                if (only.contains("link")) {
                    bench.links();
                }
                if (only.contains("dashboard")) {
                    bench.dashboard();
                }
                if (only.contains("email")) {
                    bench.email();
                }
                Footprint after = Footprint.of(processesOf(ProcessHandle.current(), data)
                        .filter(p -> p.pid() != ProcessHandle.current().pid()));
                System.out.println("Processes after the load: " + after.byProcess());
                BenchmarkReport.record("system.memory", "RSS of the services, gateway, provider and PostgreSQL "
                        + "after the load", after.rssMib(), "MiB", "-");
                BenchmarkReport.record("system.memory", "PSS of the same (PostgreSQL's shared buffers once)",
                        after.pssMib(), "MiB", "-");
            } finally {
                deleteRecursively(data);
            }
        } catch (Throwable e) {
            System.err.println("system benchmark did not complete:");
            e.printStackTrace();
        } finally {
            double loadAfter = load();
            printUptime("end");
            BenchmarkReport.record("system", "machine load average at start (2 cores)", loadBefore, "load", "-");
            BenchmarkReport.record("system", "machine load average at end (2 cores)", loadAfter, "load", "-");
            // The devstack servers run non-daemon threads; LocalRun's close stopped them, exit ends the rest.
            System.exit(0);
        }
    }

    /** The local run with production-like tracing and the per-client limits out of one load generator's way. */
    private static LocalRun.Settings settings(Path data) {
        LocalRun.Settings tests = LocalRun.Settings.forTests(data);
        Map<String, String> env = new LinkedHashMap<>(tests.extraEnvironment());
        env.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", setting("bench.sampling", "0.1"));
        env.put("GATEWAY_RATE_LIMIT_PER_IP", "1000000");
        env.put("GATEWAY_RATE_LIMIT_PER_IP_BURST", "1000000");
        env.put("GATEWAY_RATE_LIMIT_PER_TRAINER", "1000000");
        env.put("GATEWAY_RATE_LIMIT_PER_TRAINER_BURST", "1000000");
        env.put("RATE_LIMIT_PER_SECOND", "1000000");
        env.put("RATE_LIMIT_BURST", "1000000");
        // 0 switches a quota off: one trainer sends tens of thousands of initiates.
        env.put("QUOTA_UPLOADS_PER_HOUR", "0");
        env.put("QUOTA_BYTES_PER_DAY", "0");
        env.put("QUOTA_STUDENTS_PER_HOUR", "0");
        // The SES sandbox pace (1/s) would measure the pacer, not the path.
        env.put("MAX_SEND_RATE", "100");
        List<String> jvm = Optional.ofNullable(setting("bench.jvmOptions", null))
                .map(o -> List.of(o.trim().split("\\s+"))).orElse(tests.jvmOptions());
        System.out.println("Service JVM options: " + jvm + "; tracing sample rate "
                + env.get("MANAGEMENT_TRACING_SAMPLING_PROBABILITY"));
        return new LocalRun.Settings(tests.repositoryRoot(), tests.dataDir(), tests.gatewayPort(),
                tests.gatewayManagementPort(), tests.servicePorts(), tests.issuerPort(), tests.kafkaPort(),
                tests.kafkaControllerPort(), tests.postgresPort(), tests.s3Port(), tests.smtpPort(), jvm, env,
                tests.demoPassword(), tests.gatewayClientSecret());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The README's local run: start-up time and memory

    private static final Pattern RUNNING = Pattern.compile("ApexShare is running \\(started in ([0-9.]+) s\\)");

    private static void localRunFootprint() throws Exception {
        Path data = Files.createTempDirectory("apexshare-local-run-");
        Path jar = com.apexshare.devstack.Repository.root().resolve("devstack/target/apexshare-local.jar");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("APEXSHARE_DATA", data.toString());
        for (String port : List.of("GATEWAY_PORT", "GATEWAY_MANAGEMENT_PORT", "UPLOAD_PORT", "CATALOG_PORT",
                "NOTIFICATION_PORT", "DOWNLOAD_PORT", "ISSUER_PORT", "KAFKA_PORT", "KAFKA_CONTROLLER_PORT",
                "POSTGRES_PORT", "S3_PORT", "SMTP_PORT")) {
            env.put(port, Integer.toString(Ports.orFree(0)));
        }
        long t0 = System.nanoTime();
        Process run = builder.start();
        CountDownLatch up = new CountDownLatch(1);
        double[] reported = {Double.NaN};
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    Matcher m = RUNNING.matcher(line);
                    if (m.find()) {
                        reported[0] = Double.parseDouble(m.group(1));
                        up.countDown();
                    }
                }
            } catch (IOException e) {
                // The process ended; the latch tells whether it came up.
            }
        }, "local-run-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!up.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("The local run did not come up within 5 minutes; see " + data);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            BenchmarkReport.record("system.local-run", "java -jar … to 'ApexShare is running'", seconds, "s",
                    "<= 30 s");
            BenchmarkReport.record("system.local-run", "start-up as the run reports it", reported[0], "s", "-");
            Footprint idle = Footprint.of(processesOf(run.toHandle(), data));
            System.out.println("Local run processes: " + idle.byProcess());
            BenchmarkReport.record("system.local-run", "RSS of all processes, idle after start", idle.rssMib(),
                    "MiB", "<= 2560 MiB");
            BenchmarkReport.record("system.local-run", "PSS of all processes (shared pages once)", idle.pssMib(),
                    "MiB", "-");
        } finally {
            List<ProcessHandle> children = run.descendants().toList();
            run.destroy();
            if (!run.waitFor(60, TimeUnit.SECONDS)) {
                run.destroyForcibly();
            }
            children.forEach(ProcessHandle::destroyForcibly);
            deleteRecursively(data);
        }
    }

    /**
     * A process, its descendants, and PostgreSQL's: {@code pg_ctl} detaches the server, so it is found by its data
     * folder (on its command line), its backends as its children.
     */
    private static Stream<ProcessHandle> processesOf(ProcessHandle root, Path data) {
        Map<Long, ProcessHandle> all = new LinkedHashMap<>();
        Stream.concat(Stream.of(root), root.descendants()).forEach(p -> all.put(p.pid(), p));
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(data.toString()))
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
                .forEach(p -> all.putIfAbsent(p.pid(), p));
        return all.values().stream();
    }

    /** Resident memory of some processes, read from {@code /proc}. */
    private record Footprint(long rssKib, long pssKib, Map<String, Long> byProcess) {

        static Footprint of(Stream<ProcessHandle> processes) {
            long rss = 0;
            long pss = 0;
            Map<String, Long> by = new LinkedHashMap<>();
            for (ProcessHandle p : processes.toList()) {
                long r = procKib(p.pid(), "status", "VmRSS:");
                rss += r;
                pss += procKib(p.pid(), "smaps_rollup", "Pss:");
                String command = p.info().commandLine().orElse("?");
                Matcher jar = Pattern.compile("([\\w-]+)\\.jar").matcher(command);
                String name = jar.find() ? jar.group(1)
                        : command.startsWith("postgres") || command.contains("/bin/postgres") ? "postgres"
                        : command.split(" ")[0].replaceFirst(".*/", "");
                by.merge(name + " MiB", r / 1024, Long::sum);
            }
            return new Footprint(rss, pss, by);
        }

        double rssMib() {
            return rssKib / 1024.0;
        }

        double pssMib() {
            return pssKib / 1024.0;
        }

        private static long procKib(long pid, String file, String field) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), file))) {
                    if (line.startsWith(field)) {
                        return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // A process that ended between listing and reading counts nothing.
            }
            return 0;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Scenarios

    /** The first calls fetch the issuer's keys, Kafka's metadata and open the pools: untimed, with time to spare. */
    private void firstCalls() throws Exception {
        String token = trainerToken("bench-first");
        for (int i = 0; i < 3; i++) {
            send(post(gateway, "/api/v1/uploads/initiate", token, initiateBody(4 * GIB, "first@student.example"))
                    .timeout(Duration.ofMinutes(2)), 201);
        }
    }

    private void initiate(int rate) throws Exception {
        String token = trainerToken("bench-initiate-" + rate);
        String body = initiateBody(4 * GIB, "rider@student.example");
        URI upload = system.service("upload-service").baseUri();
        try (RawWork raw = RawWork.start(system)) {
            Map<String, FixedRateLoad.Call> paths = new LinkedHashMap<>();
            paths.put("through the gateway", seq -> send(post(gateway, "/api/v1/uploads/initiate", token, body), 201));
            paths.put("straight to upload-service",
                    seq -> send(post(upload, "/api/v1/uploads/initiate", token, body), 201));
            paths.put("raw work (S3 + insert + Kafka ack)", seq -> raw.once());
            paths.put(TRIVIAL, this::trivial);
            long uploadPid = pidOf("upload-service");
            long cpuBefore = cpuNanos(uploadPid);
            Map<String, Histogram> results = compare(rate, 64, paths);
            long cpu = cpuNanos(uploadPid) - cpuBefore;
            long served = results.get("through the gateway").getTotalCount()
                    + results.get("straight to upload-service").getTotalCount() + warmUpCalls(rate) * 2;
            String name = "system.initiate@" + rate;
            String goal = rate == 100 ? "<= 30 ms" : "<= 60 ms";
            report(name, rate, results, "through the gateway", 99, goal);
            BenchmarkReport.record(name, "upload-service CPU per initiate (process, all threads)",
                    cpu / 1e6 / served, "ms", "<= 3 ms");
        }
    }

    private void links() throws Exception {
        String token = trainerToken("bench-links");
        List<String> links = new ArrayList<>();
        int count = 40;
        List<String> students = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String student = "bench-link-" + i + "-" + UUID.randomUUID() + "@student.example";
            students.add(student);
            putAndComplete(token, student, 1024);
        }
        Map<String, Long> seen = new ConcurrentHashMap<>();
        awaitEmails(students, seen, Duration.ofMinutes(5));
        for (MimeMessage message : system.smtp().greenMail().getReceivedMessages()) {
            if (students.contains(recipient(message))) {
                Matcher m = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", ""));
                if (m.find()) {
                    links.add(m.group(1));
                }
            }
        }
        if (links.size() != count) {
            throw new IllegalStateException("Found " + links.size() + " of " + count + " links in the emails");
        }
        // The email can arrive a moment before download-service has taken in its EmailSent.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        for (String link : links) {
            while (status(HttpRequest.newBuilder(gateway.resolve("/d/" + link)).GET()) != 302) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("A link never answered 302");
                }
                Thread.onSpinWait();
            }
        }
        URI download = system.service("download-service").baseUri();
        Map<String, FixedRateLoad.Call> paths = new LinkedHashMap<>();
        paths.put("through the gateway", seq -> send(get(gateway, "/d/" + links.get((int) (seq % count))), 302));
        paths.put("straight to download-service",
                seq -> send(get(download, "/d/" + links.get((int) (seq % count))), 302));
        paths.put(TRIVIAL, this::trivial);
        Map<String, Histogram> results = compare(500, 128, paths);
        report("system.link@500", 500, results, "through the gateway", 95, "<= 5 ms");
        BenchmarkReport.record("system.link@500", "through the gateway p99",
                results.get("through the gateway").getValueAtPercentile(99) / 1000.0, "ms", "<= 10 ms");

        // The highest rate held: no errors, p99 within 100 ms, the schedule kept.
        int sustained = 0;
        for (int rate : new int[] {1000, 1500, 2000, 2500, 3000, 4000}) {
            FixedRateLoad.Result r = FixedRateLoad.run(rate, Duration.ofSeconds(8), 256,
                    seq -> send(get(gateway, "/d/" + links.get((int) (seq % count))), 302));
            double p99 = r.percentileMillis(99);
            System.out.printf(Locale.ROOT, "link open at %d req/s: achieved %.0f req/s, p50 %.1f ms, p99 %.1f ms, "
                    + "%d errors%n", rate, r.achievedRate(), r.percentileMillis(50), p99, r.errors());
            if (r.errors() > 0 || p99 > 100 || r.achievedRate() < rate * 0.95) {
                break;
            }
            sustained = rate;
        }
        BenchmarkReport.record("system.link", "highest rate sustained (p99 <= 100 ms, no errors)", sustained,
                "req/s", ">= 2000 req/s");
    }

    private void dashboard() throws Exception {
        String trainer = "bench-dashboard-" + UUID.randomUUID();
        loadCatalog(trainer, 1_000_000, 100_000);
        String token = system.identity().trainerToken(trainer, "Dashboard Trainer", "dash@school.example");
        URI catalog = system.service("catalog-service").baseUri();
        Map<String, FixedRateLoad.Call> paths = new LinkedHashMap<>();
        paths.put("through the gateway", seq -> send(get(gateway, "/api/v1/uploads?limit=20", token), 200));
        paths.put("straight to catalog-service", seq -> send(get(catalog, "/api/v1/uploads?limit=20", token), 200));
        paths.put(TRIVIAL, this::trivial);
        report("system.dashboard@100", 100, compare(100, 32, paths), "through the gateway", 95, "<= 10 ms");
    }

    private void email() throws Exception {
        String token = trainerToken("bench-email");
        int count = Integer.parseInt(setting("bench.emails", "100"));
        int rate = 5;
        List<String> students = new ArrayList<>();
        List<String[]> prepared = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String student = "bench-email-" + i + "-" + UUID.randomUUID() + "@student.example";
            students.add(student);
            prepared.add(initiateSinglePut(token, student, 1024));
        }
        Map<String, Long> handedOver = new ConcurrentHashMap<>();
        Map<String, Long> seen = new ConcurrentHashMap<>();
        Thread watcher = watch(students, seen);
        FixedRateLoad.Result offered = FixedRateLoad.run(rate, Duration.ofSeconds(count / rate), 16, seq -> {
            String[] upload = prepared.get((int) seq);
            putObject(upload[1], 1024);
            handedOver.put(students.get((int) seq), System.nanoTime());
            send(post(gateway, "/api/v1/uploads/" + upload[0] + "/complete", token, ""), 200);
        });
        awaitAll(students, seen, Duration.ofMinutes(5));
        watcher.interrupt();
        Histogram flow = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        students.forEach(s -> flow.recordValue(Math.max(0, (seen.get(s) - handedOver.get(s)) / 1000)));

        // Baseline: the bare hand-off of one email to the same SMTP server, seen the same way.
        List<String> direct = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            direct.add("bench-smtp-" + i + "-" + UUID.randomUUID() + "@student.example");
        }
        Map<String, Long> sent = new ConcurrentHashMap<>();
        Map<String, Long> directSeen = new ConcurrentHashMap<>();
        Thread directWatcher = watch(direct, directSeen);
        ServerSetup smtp = new ServerSetup(system.smtp().port(), system.smtp().host(), ServerSetup.PROTOCOL_SMTP);
        FixedRateLoad.run(rate, Duration.ofSeconds(count / rate), 16, seq -> {
            String to = direct.get((int) seq);
            sent.put(to, System.nanoTime());
            GreenMailUtil.sendTextEmail(to, "bench@apexshare.example", "Baseline", "A baseline email.", smtp);
        });
        awaitAll(direct, directSeen, Duration.ofMinutes(2));
        directWatcher.interrupt();
        Histogram bare = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        direct.forEach(s -> bare.recordValue(Math.max(0, (directSeen.get(s) - sent.get(s)) / 1000)));

        String name = "system.email@" + rate;
        for (double p : new double[] {50, 95, 99}) {
            String pct = "p" + (int) p;
            BenchmarkReport.record(name, "complete → email in SMTP " + pct, flow.getValueAtPercentile(p) / 1000.0,
                    "ms", p == 95 ? "<= 500 ms" : "-");
            BenchmarkReport.record(name, "baseline: bare SMTP hand-off " + pct, bare.getValueAtPercentile(p) / 1000.0,
                    "ms", "-");
        }
        BenchmarkReport.record(name, "errors offering completions", offered.errors(), "calls", "0");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Comparison in alternating slices

    private static long warmUpCalls(int rate) {
        return WARM_UP.toSeconds() * rate / 4;
    }

    /** Warms every path, then runs them in alternating slices at the same rate; the histograms by path. */
    private static Map<String, Histogram> compare(int rate, int concurrency, Map<String, FixedRateLoad.Call> paths)
            throws InterruptedException {
        for (FixedRateLoad.Call call : paths.values()) {
            FixedRateLoad.run(rate, WARM_UP.dividedBy(4), concurrency, call);
        }
        Map<String, Histogram> results = new LinkedHashMap<>();
        Map<String, Long> errors = new LinkedHashMap<>();
        for (int slice = 0; slice < SLICES; slice++) {
            for (Map.Entry<String, FixedRateLoad.Call> path : paths.entrySet()) {
                FixedRateLoad.Result r = FixedRateLoad.run(rate, MEASURED.dividedBy(SLICES), concurrency,
                        path.getValue());
                results.computeIfAbsent(path.getKey(), k -> new Histogram(TimeUnit.SECONDS.toMicros(60), 3))
                        .add(r.latencyMicros());
                errors.merge(path.getKey(), r.errors(), Long::sum);
            }
        }
        errors.forEach((path, n) -> {
            if (n > 0) {
                System.out.printf("%s: %d errors%n", path, n);
            }
        });
        return results;
    }

    /** p50/p95/p99 of every path and the ratio of the measured path's percentile to each baseline's. */
    private static void report(String name, int rate, Map<String, Histogram> results, String measured,
            double goalPercentile, String goal) {
        for (Map.Entry<String, Histogram> e : results.entrySet()) {
            for (double p : new double[] {50, 95, 99}) {
                boolean isGoal = e.getKey().equals(measured) && p == goalPercentile;
                BenchmarkReport.record(name, e.getKey() + " p" + (int) p + " @" + rate + "/s",
                        e.getValue().getValueAtPercentile(p) / 1000.0, "ms", isGoal ? goal : "-");
            }
        }
        double figure = results.get(measured).getValueAtPercentile(goalPercentile);
        results.forEach((path, h) -> {
            if (!path.equals(measured)) {
                BenchmarkReport.record(name, "ratio p" + (int) goalPercentile + " to " + path,
                        figure / Math.max(1, h.getValueAtPercentile(goalPercentile)), "x", "-");
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The raw work of an initiate, from this JVM against the same servers

    private static final class RawWork implements AutoCloseable {

        private static final String TOPIC = "bench.raw-work";

        private final S3Client s3;
        private final KafkaProducer<String, byte[]> producer;
        /** Ten connections, as a service's Hikari pool holds by default; a call waits for one. */
        private final java.util.concurrent.BlockingQueue<Connection> connections;
        private final byte[] payload = new byte[600];
        private final AtomicLong sequence = new AtomicLong();

        private RawWork(S3Client s3, KafkaProducer<String, byte[]> producer, String jdbcUrl) throws SQLException {
            this.s3 = s3;
            this.producer = producer;
            this.connections = new java.util.concurrent.ArrayBlockingQueue<>(10);
            for (int i = 0; i < 10; i++) {
                connections.add(DriverManager.getConnection(jdbcUrl, Postgres.USER, Postgres.PASSWORD));
            }
        }

        static RawWork start(LocalRun system) throws Exception {
            S3Client s3 = S3Client.builder().endpointOverride(system.s3().endpoint()).region(Region.of(S3Store.REGION))
                    .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(S3Store.ACCESS_KEY, S3Store.SECRET_KEY))).build();
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafka().bootstrapServers());
            try (Admin admin = Admin.create(props)) {
                if (!admin.listTopics().names().get().contains(TOPIC)) {
                    admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get();
                }
            }
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                    new ByteArraySerializer());
            String url = system.postgres().createDatabase("bench_raw").replaceFirst("\\?.*$", "");
            try (Connection c = DriverManager.getConnection(url, Postgres.USER, Postgres.PASSWORD);
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS session (file_id uuid PRIMARY KEY, trainer_id text NOT NULL, "
                        + "object_key text NOT NULL, s3_upload_id text, file_size bigint NOT NULL, "
                        + "created_at timestamptz NOT NULL)");
            }
            RawWork raw = new RawWork(s3, producer, url);
            raw.once();
            return raw;
        }

        void once() throws Exception {
            UUID fileId = UUID.randomUUID();
            String key = "videos/" + LocalDate.now(ZoneOffset.UTC) + "/" + fileId + "-GX010042.MP4";
            String uploadId = s3.createMultipartUpload(b -> b.bucket(LocalRun.BUCKET).key(key)
                    .contentType("video/mp4")).uploadId();
            Connection connection = connections.take();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO session (file_id, trainer_id, object_key, s3_upload_id, file_size, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, now())")) {
                insert.setObject(1, fileId);
                insert.setString(2, "bench-raw");
                insert.setString(3, key);
                insert.setString(4, uploadId);
                insert.setLong(5, 4 * GIB + sequence.incrementAndGet());
                insert.executeUpdate();
            } finally {
                connections.add(connection);
            }
            producer.send(new ProducerRecord<>(TOPIC, fileId.toString(), payload)).get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            producer.close();
            s3.close();
            for (Connection c : connections) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // Closing a benchmark connection: nothing to keep.
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The catalog's million uploads

    /** {@code total} uploads over the last 30 days, {@code own} of them the given trainer's, through COPY. */
    private void loadCatalog(String trainer, int total, int own) throws SQLException, IOException {
        long t0 = System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String url = system.postgres().jdbcUrl("catalog");
        try (Connection connection = DriverManager.getConnection(url, Postgres.USER, Postgres.PASSWORD)) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            String sql = "COPY catalog.upload (file_id, trainer_id, trainer_name, student_email, student_name, "
                    + "session_date, notes, file_name, original_file_name, file_size, content_type, s3_bucket, s3_key, "
                    + "upload_mode, upload_date, retention_until, completed_at, stored_size, etag, email_sent_at, "
                    + "download_count) FROM STDIN (FORMAT csv)";
            ThreadLocalRandom random = ThreadLocalRandom.current();
            StringBuilder rows = new StringBuilder(50_000 * 300);
            for (int i = 0; i < total; i++) {
                UUID fileId = UUID.randomUUID();
                String owner = i % (total / own) == 0 ? trainer : "bench-trainer-" + random.nextInt(900);
                Instant uploaded = now.minusMillis(random.nextLong(Duration.ofDays(30).toMillis()));
                LocalDate session = LocalDate.ofInstant(uploaded, ZoneOffset.UTC).minusDays(random.nextInt(3));
                rows.append(fileId).append(',').append(owner).append(",Trainer,student").append(random.nextInt(20_000))
                        .append("@student.example,Student ").append(i).append(',').append(session)
                        .append(",Notes,GX").append(i).append(".MP4,GX").append(i).append(".MP4,")
                        .append(100_000_000 + i).append(",video/mp4,").append(LocalRun.BUCKET).append(",videos/")
                        .append(session).append('/').append(fileId).append("-GX").append(i).append(".MP4,MULTIPART,")
                        .append(uploaded).append(',').append(uploaded.plus(Duration.ofDays(30))).append(',')
                        .append(uploaded.plusSeconds(300)).append(',').append(100_000_000 + i).append(",etag-")
                        .append(i).append(',').append(uploaded.plusSeconds(310)).append(',')
                        .append(random.nextInt(5)).append('\n');
                if ((i + 1) % 50_000 == 0) {
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
        System.out.printf("Loaded %,d uploads (%,d the measured trainer's) in %.1f s%n", total, own,
                (System.nanoTime() - t0) / 1e9);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Uploads, emails and HTTP

    private String trainerToken(String subject) {
        return system.identity().trainerToken(subject + "-" + UUID.randomUUID(), "Bench Trainer",
                "bench@school.example");
    }

    private static String initiateBody(long size, String student) {
        return """
                {"studentEmail":"%s","studentName":"Alex Rider","trainerName":"Bench Trainer",
                "sessionDate":"%s","notes":"Benchmark","fileName":"GX010042.MP4","fileSize":%d,
                "contentType":"video/mp4"}""".formatted(student, LocalDate.now(ZoneOffset.UTC), size);
    }

    /** {fileId, uploadUrl} of a new single-PUT upload. */
    private String[] initiateSinglePut(String token, String student, long size) throws Exception {
        String answer = send(post(gateway, "/api/v1/uploads/initiate", token, initiateBody(size, student)), 201);
        Matcher id = FILE_ID.matcher(answer);
        Matcher url = UPLOAD_URL.matcher(answer);
        if (!id.find() || !url.find()) {
            throw new IllegalStateException("No fileId or uploadUrl in " + answer);
        }
        return new String[] {id.group(1), url.group(1).replace("\\u0026", "&")};
    }

    private void putAndComplete(String token, String student, long size) throws Exception {
        String[] upload = initiateSinglePut(token, student, size);
        putObject(upload[1], size);
        send(post(gateway, "/api/v1/uploads/" + upload[0] + "/complete", token, ""), 200);
    }

    private void putObject(String presigned, long size) throws Exception {
        byte[] bytes = new byte[(int) size];
        ThreadLocalRandom.current().nextBytes(bytes);
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(presigned))
                .header("Content-Type", "video/mp4").PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() != 200) {
            throw new IllegalStateException("PUT answered " + put.statusCode() + ": " + put.body());
        }
    }

    /** Polls GreenMail and notes when each awaited recipient's first email is there. */
    private Thread watch(List<String> recipients, Map<String, Long> seen) {
        java.util.Set<String> awaited = java.util.Set.copyOf(recipients);
        Thread watcher = new Thread(() -> {
            GreenMail mail = system.smtp().greenMail();
            int from = 0;
            while (!Thread.currentThread().isInterrupted()) {
                MimeMessage[] messages = mail.getReceivedMessages();
                long now = System.nanoTime();
                for (int i = from; i < messages.length; i++) {
                    String to = recipient(messages[i]);
                    if (awaited.contains(to)) {
                        seen.putIfAbsent(to, now);
                    }
                }
                from = messages.length;
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
        }, "greenmail-watcher");
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }

    private void awaitEmails(List<String> recipients, Map<String, Long> seen, Duration timeout) {
        Thread watcher = watch(recipients, seen);
        try {
            awaitAll(recipients, seen, timeout);
        } finally {
            watcher.interrupt();
        }
    }

    private static void awaitAll(List<String> recipients, Map<String, Long> seen, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen.size() < recipients.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(seen.size() + " of " + recipients.size() + " emails arrived");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return to == null || to.length == 0 ? "" : to[0].toString().replaceAll(".*<|>.*", "");
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private void trivial(long sequence) throws Exception {
        send(get(gateway, "/d/x"), 404);
    }

    private static HttpRequest.Builder post(URI base, String path, String token, String body) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest.Builder get(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).GET().timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest.Builder get(URI base, String path, String token) {
        return get(base, path).header("Authorization", "Bearer " + token);
    }

    private String send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException("Expected " + expected + ", got " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return response.body();
    }

    private int status(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The pid of a service process of this run, found by its jar on the command line. */
    private static long pidOf(String service) {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("/" + service + ".jar"))
                .findFirst().orElseThrow(() -> new IllegalStateException("No process for " + service)).pid();
    }

    /** User + system CPU of a process, from {@code /proc/<pid>/stat} (clock ticks of 10 ms). */
    private static long cpuNanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 10_000_000L;
    }

    /** A system property, else its environment variable (bench.only → BENCH_ONLY): Maven's exec passes the latter. */
    private static String setting(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_')));
        return value == null || value.isBlank() ? fallback : value;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
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

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary folder: left to the system's temp cleaner.
        }
    }
}
