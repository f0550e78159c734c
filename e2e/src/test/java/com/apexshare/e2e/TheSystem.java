package com.apexshare.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import com.apexshare.devstack.local.LocalRun;
import com.apexshare.devstack.local.ServiceProcess;

/**
 * The whole system, started once per test run and shared by every end-to-end test class that asks for a
 * {@link LocalRun} parameter: the local run with free ports everywhere and random credentials (devstack servers, the
 * identity provider, the four service jars and the gateway jar as processes). It lives in the root extension
 * context's store, so JUnit stops it (and every child process) when the last test class has run, before the JVM
 * exits. Each test brings its own trainer, student and files, so the classes and tests pass in any order.
 */
final class TheSystem implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TheSystem.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalRun.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running running = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Running.class, type -> Running.start(), Running.class);
        running.everyServiceIsRunning();
        return running.system();
    }

    static void report(String what, double value, String unit) {
        System.out.printf("E2E %-58s %10.2f %s%n", what, value, unit);
    }

    /** The running system and its data folder; closed by JUnit with the root context's store. */
    record Running(LocalRun system, Path data) implements AutoCloseable {

        static Running start() {
            Path data = createTempDirectory();
            long t0 = System.nanoTime();
            LocalRun system = LocalRun.start(LocalRun.Settings.forTests(data).withExtraEnvironment(Map.of(
                    // SES's sandbox rate (1/s) is no limit of GreenMail's: the fault suite sends 300 emails.
                    "MAX_SEND_RATE", "50",
                    // The fault suite watches three retention runs for forged deletions.
                    "RETENTION_JOB_INTERVAL", "PT5S",
                    // The fault suite is one client address checking every e-mailed link of a batch (up to 200):
                    // download-service's per-address limit (10/s) is for the public, not for the test's own client.
                    "RATE_LIMIT_PER_SECOND", "500", "RATE_LIMIT_BURST", "1000",
                    // Retries after a fault back off to a few seconds rather than 30 s or minutes, so that recovery
                    // shows within seconds of a fault's end (the policies themselves are the services' own tests);
                    // the email retry keeps enough attempts (1+2+4+5x57 s) to outlast a two-minute outage.
                    "KAFKA_RETRY_MAX_INTERVAL", "5s", "OUTBOX_MAX_BACKOFF", "5s",
                    "RETRY_INITIAL_BACKOFF", "PT1S", "RETRY_MAX_BACKOFF", "PT5S", "RETRY_MAX_ATTEMPTS", "60")),
                    System.out);
            report("start-up of the whole system", (System.nanoTime() - t0) / 1e9, "s");
            return new Running(system, data);
        }

        /** A test that stopped a service (and failed before it restarted it) must not take the next test with it. */
        void everyServiceIsRunning() {
            for (String name : LocalRun.SERVICES) {
                ServiceProcess service = system.service(name);
                if (!service.isAlive()) {
                    service.start().awaitReady(LocalRun.START_TIMEOUT);
                }
            }
        }

        @Override
        public void close() {
            system.close();
            deleteRecursively(data);
        }

        private static Path createTempDirectory() {
            try {
                return Files.createTempDirectory("apexshare-e2e-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void deleteRecursively(Path root) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // Temporary data of a finished run: left to the system's temp cleaner.
            }
        }
    }
}
