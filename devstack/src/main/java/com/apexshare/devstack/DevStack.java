package com.apexshare.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real servers of one JVM, each started on first use and at most once, on free loopback ports with temporary
 * data, and stopped when the JVM exits. Test classes of a module share them; each test keeps to its own data (its
 * own topics' keys, buckets, databases), so the order of tests does not matter.
 */
public final class DevStack {

    private static final Logger LOG = LoggerFactory.getLogger(DevStack.class);
    private static final Deque<AutoCloseable> STARTED = new ArrayDeque<>();
    private static final Path TEMP_ROOT = tempRoot();

    private static volatile KafkaBroker kafka;
    private static volatile Postgres postgres;
    private static volatile S3Store s3;
    private static volatile MailServer smtp;
    private static volatile IdentityProvider identity;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(DevStack::stopAll, "devstack-shutdown"));
    }

    private DevStack() {
    }

    public static KafkaBroker kafka() {
        if (kafka == null) {
            synchronized (DevStack.class) {
                if (kafka == null) {
                    kafka = timed("Kafka broker", () -> KafkaBroker.start(TEMP_ROOT.resolve("kafka"), 0));
                }
            }
        }
        return kafka;
    }

    public static Postgres postgres() {
        if (postgres == null) {
            synchronized (DevStack.class) {
                if (postgres == null) {
                    postgres = timed("PostgreSQL", () -> Postgres.start(null, 0));
                }
            }
        }
        return postgres;
    }

    public static S3Store s3() {
        if (s3 == null) {
            synchronized (DevStack.class) {
                if (s3 == null) {
                    s3 = timed("S3Proxy", () -> S3Store.start(null, 0, "http://localhost:8080"));
                }
            }
        }
        return s3;
    }

    public static MailServer smtp() {
        if (smtp == null) {
            synchronized (DevStack.class) {
                if (smtp == null) {
                    smtp = timed("GreenMail SMTP", () -> MailServer.start(0));
                }
            }
        }
        return smtp;
    }

    /** ApexShare's identity provider as a child JVM (the {@code identity} module's jar), with a key devstack wrote. */
    public static IdentityProvider identity() {
        if (identity == null) {
            synchronized (DevStack.class) {
                if (identity == null) {
                    identity = timed("identity provider",
                            () -> IdentityProvider.start(IdentityProvider.Settings.forTests(TEMP_ROOT.resolve("identity"))));
                }
            }
        }
        return identity;
    }

    private static <T extends AutoCloseable> T timed(String name, Supplier<T> start) {
        long t0 = System.nanoTime();
        T server = start.get();
        STARTED.push(server);
        LOG.info("devstack: {} started in {} ms", name, (System.nanoTime() - t0) / 1_000_000);
        return server;
    }

    private static synchronized void stopAll() {
        while (!STARTED.isEmpty()) {
            try {
                STARTED.pop().close();
            } catch (Exception e) {
                LOG.warn("devstack: stopping a server failed", e);
            }
        }
        deleteRecursively(TEMP_ROOT);
    }

    private static void deleteRecursively(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("devstack: temporary data not removed: {}", e.toString());
        }
    }

    private static Path tempRoot() {
        try {
            return Files.createTempDirectory("apexshare-devstack-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
