package com.apexshare.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import com.apexshare.devstack.local.LocalRun;
import com.apexshare.devstack.local.ServiceProcess;

/**
 * The whole system, started once per test JVM and shared by every end-to-end test class: the local run with free ports
 * everywhere and random credentials (devstack servers, the identity provider, the four service jars and the gateway
 * jar as processes). It stops when the JVM exits. Each test brings its own trainer, student and files, so the classes
 * and tests pass in any order.
 */
final class TheSystem {

    private static LocalRun system;

    private TheSystem() {
    }

    static synchronized LocalRun get() {
        if (system == null) {
            Path data = createTempDirectory();
            long t0 = System.nanoTime();
            system = LocalRun.start(LocalRun.Settings.forTests(data), System.out);
            report("start-up of the whole system", (System.nanoTime() - t0) / 1e9, "s");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                system.close();
                deleteRecursively(data);
            }, "e2e-system-stop"));
        }
        everyServiceIsRunning(system);
        return system;
    }

    /** A test that stopped a service (and failed before it restarted it) must not take the next test with it. */
    private static void everyServiceIsRunning(LocalRun run) {
        for (String name : LocalRun.SERVICES) {
            ServiceProcess service = run.service(name);
            if (!service.isAlive()) {
                service.start().awaitReady(LocalRun.START_TIMEOUT);
            }
        }
    }

    static void report(String what, double value, String unit) {
        System.out.printf("E2E %-58s %10.2f %s%n", what, value, unit);
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
