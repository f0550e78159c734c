package com.apexshare.devstack.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

import com.apexshare.devstack.IdentityProvider;
import com.apexshare.devstack.KafkaBroker;
import com.apexshare.devstack.MailServer;
import com.apexshare.devstack.Ports;
import com.apexshare.devstack.Postgres;
import com.apexshare.devstack.RefusingProxy;
import com.apexshare.devstack.Repository;
import com.apexshare.devstack.S3Store;

/**
 * Runs the whole of ApexShare on one machine with embedded defaults: a Kafka broker, PostgreSQL, an S3 store keeping
 * its objects under the data folder (with S3 event notifications onto the raw topic), an SMTP server that prints every
 * email, and as child processes the development identity provider, the four services and the gateway in front of
 * them (the same jars the images run). Everything listens on loopback only. Data survives a restart; Ctrl-C stops
 * everything.
 */
public final class LocalRun implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LocalRun.class);

    public static final String BUCKET = "apexshare-videos";
    /** The local run's bounce mailbox (GreenMail over IMAP), also notification-service's VERP base address. */
    static final String BOUNCE_MAILBOX = "bounces@apexshare.local";
    private static final String BOUNCE_LOGIN = "bounces";
    /** A local-only mailbox on loopback, like the demo password; never a deployment's. */
    private static final String BOUNCE_PASSWORD = "bounces-local";
    public static final List<String> SERVICES =
            List.of("upload-service", "catalog-service", "notification-service", "download-service");
    /** The gateway's module (and jar) name. */
    public static final String GATEWAY = "gateway";
    /** Every child process binds here, never to all interfaces (Spring Boot's server.address). */
    static final String LOOPBACK = "127.0.0.1";
    /**
     * How long a service may take to become ready. Four service JVMs start at once next to the servers; on a loaded
     * 2-core machine that takes minutes, not the seconds it takes on an idle one.
     */
    public static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    /**
     * The local run's credentials unless IDENTITY_DEMO_PASSWORD / IDENTITY_GATEWAY_CLIENT_SECRET say otherwise: known
     * values for a laptop, never configured anywhere else (identity/README.md).
     */
    public static final String DEFAULT_DEMO_PASSWORD = "apexshare-demo";
    public static final String DEFAULT_GATEWAY_CLIENT_SECRET = "apexshare-local-gateway-secret";

    /**
     * Where and how to run. Port 0 means a free port (tests); the local run uses the documented fixed ports.
     */
    public record Settings(Path repositoryRoot, Path dataDir, int gatewayPort, int gatewayManagementPort,
            Map<String, Integer> servicePorts, int issuerPort, int kafkaPort, int kafkaControllerPort, int postgresPort,
            int s3Port, int smtpPort, List<String> jvmOptions, Map<String, String> extraEnvironment,
            String demoPassword, String gatewayClientSecret) {

        /**
         * The local run: fixed ports, data under {@code .apexshare/}, the default credentials; each overridable by
         * environment variable.
         */
        public static Settings fromEnvironment(Map<String, String> env) {
            Path root = Repository.root();
            Function<String, Integer> port = name -> Integer.parseInt(env.getOrDefault(name, defaultPort(name)));
            Map<String, Integer> services = new LinkedHashMap<>();
            for (String service : SERVICES) {
                String variable = service.replace("-service", "").toUpperCase(Locale.ROOT) + "_PORT";
                services.put(service, port.apply(variable));
            }
            return new Settings(root, Path.of(env.getOrDefault("APEXSHARE_DATA", root.resolve(".apexshare").toString())),
                    port.apply("GATEWAY_PORT"), port.apply("GATEWAY_MANAGEMENT_PORT"), services,
                    port.apply("ISSUER_PORT"), port.apply("KAFKA_PORT"),
                    port.apply("KAFKA_CONTROLLER_PORT"), port.apply("POSTGRES_PORT"), port.apply("S3_PORT"),
                    port.apply("SMTP_PORT"), defaultJvmOptions(), Map.of(),
                    env.getOrDefault("IDENTITY_DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD),
                    env.getOrDefault("IDENTITY_GATEWAY_CLIENT_SECRET", DEFAULT_GATEWAY_CLIENT_SECRET));
        }

        /** Free ports everywhere, the given data folder, random credentials: for end-to-end tests. */
        public static Settings forTests(Path dataDir) {
            Map<String, Integer> services = new LinkedHashMap<>();
            SERVICES.forEach(s -> services.put(s, 0));
            IdentityProvider.Settings identity = IdentityProvider.Settings.forTests(dataDir);
            return new Settings(Repository.root(), dataDir, 0, 0, services, 0, 0, 0, 0, 0, 0, defaultJvmOptions(),
                    Map.of(), identity.demoPassword(), identity.gatewayClientSecret());
        }

        /** The same settings with more environment for every service (later entries win over the run's own). */
        public Settings withExtraEnvironment(Map<String, String> more) {
            Map<String, String> merged = new LinkedHashMap<>(extraEnvironment);
            merged.putAll(more);
            return new Settings(repositoryRoot, dataDir, gatewayPort, gatewayManagementPort, servicePorts, issuerPort,
                    kafkaPort, kafkaControllerPort, postgresPort, s3Port, smtpPort, jvmOptions, Map.copyOf(merged),
                    demoPassword, gatewayClientSecret);
        }

        private static String defaultPort(String name) {
            return switch (name) {
                case "GATEWAY_PORT" -> "8080";
                case "GATEWAY_MANAGEMENT_PORT" -> "8079";
                case "UPLOAD_PORT" -> "8081";
                case "CATALOG_PORT" -> "8082";
                case "NOTIFICATION_PORT" -> "8083";
                case "DOWNLOAD_PORT" -> "8084";
                case "ISSUER_PORT" -> "8090";
                case "KAFKA_PORT" -> "9092";
                case "KAFKA_CONTROLLER_PORT" -> "9093";
                case "POSTGRES_PORT" -> "5432";
                case "S3_PORT" -> "9000";
                case "SMTP_PORT" -> "2525";
                default -> throw new IllegalArgumentException(name);
            };
        }

        private static List<String> defaultJvmOptions() {
            // Small heaps and quick start-up: five JVMs (and the provider's) share a laptop with the servers.
            return List.of("-Xmx384m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-XX:ReservedCodeCacheSize=64m");
        }
    }

    private final Settings settings;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private KafkaBroker kafka;
    private Postgres postgres;
    private S3Store s3;
    private MailServer smtp;
    private RefusingProxy smtpProxy;
    private IdentityProvider identity;
    private ServiceProcess gateway;
    private boolean closing;

    private LocalRun(Settings settings) {
        this.settings = settings;
    }

    /** Starts everything and returns when every service is ready. */
    public static LocalRun start(Settings settings, PrintStream out) {
        LocalRun run = new LocalRun(settings);
        run.startOrClose(out);
        return run;
    }

    private void startOrClose(PrintStream out) {
        try {
            startAll(out);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startAll(PrintStream out) {
        Path data = settings.dataDir();
        mkdirs(data);
        out.printf("Starting Kafka, PostgreSQL, S3, SMTP and the identity provider (data in %s)…%n", data);
        CompletableFuture<KafkaBroker> kafkaStart = CompletableFuture.supplyAsync(
                () -> KafkaBroker.start(data.resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort()));
        CompletableFuture<Postgres> postgresStart = CompletableFuture.supplyAsync(
                () -> Postgres.start(data.resolve("postgres"), settings.postgresPort()));
        kafka = remember(kafkaStart.join());
        postgres = remember(postgresStart.join());
        int gatewayPort = Ports.orFree(settings.gatewayPort());
        int managementPort = Ports.orFree(settings.gatewayManagementPort());
        S3NotificationPublisher notifications = remember(new S3NotificationPublisher(kafka.bootstrapServers(),
                S3NotificationPublisher.RAW_TOPIC, S3Store.REGION, Clock.systemUTC()));
        // The web app, served by the gateway, uploads to and plays from S3 directly.
        s3 = remember(S3Store.start(mkdirs(data.resolve("s3")), settings.s3Port(),
                "http://localhost:" + gatewayPort + " http://127.0.0.1:" + gatewayPort, notifications));
        s3.createBucket(BUCKET);
        smtp = remember(MailServer.start(settings.smtpPort()));
        // The bounce mailbox notification-service reads over IMAP (VERP return paths name each email).
        smtp.greenMail().setUser(BOUNCE_MAILBOX, BOUNCE_LOGIN, BOUNCE_PASSWORD);
        // notification-service reaches SMTP through a proxy that the fault suite can make refuse connections.
        smtpProxy = remember(RefusingProxy.start(smtp.host(), smtp.port()));
        remember(new MailPrinter(smtp.greenMail(), out));
        // The provider boots while the services do; they fetch its keys only when the first token arrives.
        identity = remember(IdentityProvider.launch(new IdentityProvider.Settings(settings.repositoryRoot(),
                settings.issuerPort(), data, settings.demoPassword(), settings.gatewayClientSecret(),
                identityEnvironment(gatewayPort), IdentityProvider.Settings.defaultJvmOptions())));

        out.println("Starting upload-, catalog-, notification- and download-service and the gateway…");
        for (String name : SERVICES) {
            int port = Ports.orFree(settings.servicePorts().getOrDefault(name, 0));
            ServiceProcess process = new ServiceProcess(name, moduleJar(name), port,
                    environment(name, gatewayPort), data.resolve("logs").resolve(name + ".log"),
                    settings.jvmOptions());
            services.put(name, remember(process));
            process.start();
        }
        // The gateway resolves its sign-in client at the first browser sign-in and routes API calls as soon as a
        // service is up, so it starts beside them rather than after them.
        gateway = remember(new ServiceProcess(GATEWAY, moduleJar(GATEWAY), gatewayPort, managementPort,
                gatewayEnvironment(managementPort), data.resolve("logs").resolve(GATEWAY + ".log"),
                settings.jvmOptions()));
        gateway.start();
        identity.awaitReady(START_TIMEOUT);
        services.values().forEach(p -> p.awaitReady(START_TIMEOUT));
        gateway.awaitReady(START_TIMEOUT);
    }

    /** The provider knows the gateway's sign-in redirect and post-logout addresses on the run's gateway port. */
    private static Map<String, String> identityEnvironment(int gatewayPort) {
        Map<String, String> env = new LinkedHashMap<>();
        List<String> origins = List.of("http://127.0.0.1:" + gatewayPort, "http://localhost:" + gatewayPort);
        env.put("IDENTITY_GATEWAY_REDIRECT_URIS", String.join(",",
                origins.stream().map(o -> o + "/login/oauth2/code/apexshare").toList()));
        env.put("IDENTITY_GATEWAY_POST_LOGOUT_URIS", String.join(",", origins.stream().map(o -> o + "/").toList()));
        return env;
    }

    /** Everything a service reads from its environment in the local run (see each service's application.yaml). */
    Map<String, String> environment(String service, int gatewayPort) {
        String database = service.replace("-service", "");
        Map<String, String> env = new LinkedHashMap<>();
        // Development defaults (postgres login, issuer on loopback): the platform refuses them outside this profile.
        env.put("SPRING_PROFILES_ACTIVE", "local");
        // Every request traced on a developer's machine (the platform samples one in ten by default).
        env.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0");
        env.put("SERVER_ADDRESS", LOOPBACK);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        // A killed service's partitions move on after 15 s, not 45: one machine has no network to be patient with.
        env.put("KAFKA_SESSION_TIMEOUT_MS", "15000");
        env.put("OIDC_ISSUER_URI", identity.issuerUri());
        env.put("OIDC_JWK_SET_URI", identity.jwkSetUri());
        env.put("OIDC_AUDIENCE", IdentityProvider.AUDIENCE);
        env.put("DB_URL", postgres.createDatabase(database).replaceFirst("\\?.*$", "") + "?reWriteBatchedInserts=true");
        env.put("DB_USERNAME", Postgres.USER);
        env.put("DB_PASSWORD", Postgres.PASSWORD);
        env.put("S3_ENDPOINT", s3.endpoint().toString());
        env.put("S3_REGION", S3Store.REGION);
        env.put("S3_BUCKET", BUCKET);
        env.put("S3_PATH_STYLE_ACCESS", "true");
        env.put("S3_ACCESS_KEY", S3Store.ACCESS_KEY);
        env.put("S3_SECRET_KEY", S3Store.SECRET_KEY);
        if (service.equals("notification-service")) {
            env.put("MAIL_TRANSPORT", "smtp");
            env.put("SMTP_HOST", smtpProxy.host());
            env.put("SMTP_PORT", Integer.toString(smtpProxy.port()));
            env.put("LINK_BASE_URL", "http://127.0.0.1:" + gatewayPort);
            env.put("BOUNCE_VERP_ADDRESS", BOUNCE_MAILBOX);
            env.put("BOUNCE_IMAP_ENABLED", "true");
            env.put("BOUNCE_IMAP_PROTOCOL", "imap");
            env.put("BOUNCE_IMAP_HOST", smtp.host());
            env.put("BOUNCE_IMAP_PORT", Integer.toString(smtp.imapPort()));
            env.put("BOUNCE_IMAP_USERNAME", BOUNCE_LOGIN);
            env.put("BOUNCE_IMAP_PASSWORD", BOUNCE_PASSWORD);
            env.put("BOUNCE_IMAP_POLL_INTERVAL", "PT5S");
        }
        if (service.equals("download-service")) {
            // The gateway on this machine is the one proxy whose X-Forwarded-For names the student (gateway/README.md).
            env.put("TRUSTED_PROXIES", LOOPBACK);
        }
        env.putAll(settings.extraEnvironment());
        return env;
    }

    /** Everything the gateway reads from its environment in the local run (gateway/README.md, Configuration). */
    Map<String, String> gatewayEnvironment(int managementPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0");
        env.put("SERVER_ADDRESS", LOOPBACK);
        env.put("MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("MANAGEMENT_SERVER_ADDRESS", LOOPBACK);
        env.put("DB_URL", postgres.createDatabase(GATEWAY).replaceFirst("\\?.*$", ""));
        env.put("DB_USERNAME", Postgres.USER);
        env.put("DB_PASSWORD", Postgres.PASSWORD);
        env.put("OIDC_ISSUER_URI", identity.issuerUri());
        env.put("GATEWAY_CLIENT_SECRET", settings.gatewayClientSecret());
        env.put("GATEWAY_UPLOAD_URI", service("upload-service").baseUri().toString());
        env.put("GATEWAY_CATALOG_URI", service("catalog-service").baseUri().toString());
        env.put("GATEWAY_NOTIFICATION_URI", service("notification-service").baseUri().toString());
        env.put("GATEWAY_DOWNLOAD_URI", service("download-service").baseUri().toString());
        // The web app's direct uploads and the student page's player talk to the local S3 store.
        env.put("GATEWAY_CSP_EXTRA_ORIGINS", s3.endpoint().toString().replaceFirst("/+$", ""));
        env.putAll(settings.extraEnvironment());
        return env;
    }

    /** {@code <module>/target/<module>.jar}: the parent pom's version-free finalName. */
    private Path moduleJar(String module) {
        return settings.repositoryRoot().resolve(module).resolve("target").resolve(module + ".jar");
    }

    public void printBanner(PrintStream out, Duration startUp) {
        out.println();
        out.printf("ApexShare is running (started in %.1f s). Data: %s%n", startUp.toMillis() / 1000.0,
                settings.dataDir());
        out.printf("  %-22s %s   <- browsers and the CLI use this   log: %s%n", "Gateway", apiUri(),
                gateway.logFile());
        out.printf("  %-22s http://127.0.0.1:%d/actuator/health (probes, Prometheus)%n", "Gateway management",
                gateway.healthPort());
        services.values().forEach(s -> out.printf("  %-22s %s   log: %s%n", s.name(), s.baseUri(), s.logFile()));
        out.printf("  %-22s %s   log: %s%n", "Identity provider", identity.issuerUri(), identity.logFile());
        out.printf("  %-22s %s%n", "Kafka", kafka.bootstrapServers());
        out.printf("  %-22s jdbc:postgresql://127.0.0.1:%d/{upload,catalog,notification,download,gateway} "
                + "(postgres/postgres)%n", "PostgreSQL", postgres.port());
        out.printf("  %-22s %s bucket %s (key %s / %s)%n", "S3 (S3Proxy)", s3.endpoint(), BUCKET, S3Store.ACCESS_KEY,
                S3Store.SECRET_KEY);
        out.printf("  %-22s 127.0.0.1:%d (every email is printed below)%n", "SMTP", smtp.port());
        out.println();
        out.println("Sign in as the demo trainer:");
        out.println("  username  " + IdentityProvider.DEMO_TRAINER);
        out.println("  password  " + (DEFAULT_DEMO_PASSWORD.equals(settings.demoPassword())
                ? DEFAULT_DEMO_PASSWORD + "   (the local-run default; set IDENTITY_DEMO_PASSWORD to choose another)"
                : "the value of IDENTITY_DEMO_PASSWORD"));
        out.println();
        out.println("Next:");
        out.println("  in a browser:  open " + apiUri() + " and sign in");
        if (apiUri().getPort() != 8080) {
            out.println("  in a terminal: export APEXSHARE_API_URL=" + apiUri());
        }
        if (URI.create(identity.issuerUri()).getPort() != 8090) {
            out.println("  in a terminal: export APEXSHARE_ISSUER=" + identity.issuerUri());
        }
        out.println("  in a terminal: cli/bin/apexshare login");
        out.println("                 cli/bin/apexshare upload my-ride.mp4 --student-email sue@example.com \\");
        out.println("                     --student-name 'Sue Rider' --session-date 2026-11-20 --notes 'Watch turn 3'");
        out.println("Press Ctrl-C to stop.");
        out.println();
    }

    public Path repositoryRoot() {
        return settings.repositoryRoot();
    }

    public URI apiUri() {
        return URI.create("http://127.0.0.1:" + gateway.port());
    }

    public ServiceProcess service(String name) {
        ServiceProcess process = services.get(name);
        if (process == null) {
            throw new IllegalArgumentException("No service " + name);
        }
        return process;
    }

    public int issuerPort() {
        return identity.port();
    }

    /** The gateway's process (its management port is {@link ServiceProcess#healthPort()}). */
    public ServiceProcess gateway() {
        return gateway;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public Postgres postgres() {
        return postgres;
    }

    public S3Store s3() {
        return s3;
    }

    public MailServer smtp() {
        return smtp;
    }

    public IdentityProvider identity() {
        return identity;
    }

    /** The proxy between notification-service and the SMTP server (the fault suite's SMTP outage). */
    public RefusingProxy smtpProxy() {
        return smtpProxy;
    }


    /**
     * Keeps the resource to be closed with the run; closes it at once when the run is already stopping (a SIGTERM
     * during start-up), so that no child process or server outlives the run.
     */
    private synchronized <T extends AutoCloseable> T remember(T resource) {
        if (closing) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("local run: stopping a server failed", e);
            }
            throw new IllegalStateException("The local run is stopping");
        }
        started.push(resource);
        return resource;
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }

    /** Stops everything in reverse order: gateway and services first, the servers last. */
    @Override
    public synchronized void close() {
        closing = true;
        if (gateway != null) {
            gateway.stop();
        }
        services.values().parallelStream().forEach(ServiceProcess::stop);
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                LOG.warn("local run: stopping a server failed", e);
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        long t0 = System.nanoTime();
        LocalRun run = new LocalRun(Settings.fromEnvironment(System.getenv()));
        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before anything starts: Ctrl-C or SIGTERM during start-up stops what has started so far.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping ApexShare…");
            run.close();
            stopped.countDown();
        }, "apexshare-stop"));
        // The start-up progress and the banner are this command's console output; everything else is logged.
        try {
            run.startOrClose(System.out);
        } catch (RuntimeException e) {
            LOG.error("ApexShare did not start. Ports in use? Every port has an environment variable (README, "
                    + "Troubleshooting).", e);
            System.exit(1);
            return;
        }
        run.printBanner(System.out, Duration.ofNanos(System.nanoTime() - t0));
        stopped.await();
    }
}
