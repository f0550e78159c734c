package com.apexshare.e2e.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.apexshare.devstack.BenchmarkReport;
import com.apexshare.devstack.IdentityProvider;
import com.apexshare.devstack.local.LocalRun;

/**
 * Browser against CLI upload throughput (issue 13: the page should reach at least 0.8 of the CLI's): the local run on
 * free ports, one file of {@code bench.bytes} (default 1 GiB) uploaded from the upload page (web/browser-tests/bench,
 * Debian's Chromium; timed from the press on Upload until the page shows it done) and with the trainer CLI (its jar as
 * a process; timed over the whole process, JVM start included), to the same S3 store, {@code bench.rounds} times each,
 * alternating. Prints MB/s of each, the ratio of the best of each, and the load average. Numbers only, no assertions.
 *
 * <p>{@code mvn -B -ntp -pl e2e -am -Pbenchmarks verify} (needs {@code /usr/bin/chromium} and web's node_modules).
 */
public final class WebUploadBenchmark {

    private static final Pattern RESULT = Pattern.compile("BENCH_RESULT \\{\"bytes\":(\\d+),\"seconds\":([0-9.]+)}");

    private WebUploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long bytes = Long.getLong("bench.bytes", 1L << 30);
        int rounds = Integer.getInteger("bench.rounds", 1);
        double loadBefore = load();
        Path data = Files.createTempDirectory("apexshare-bench-");
        List<Double> browser = new ArrayList<>();
        List<Double> cli = new ArrayList<>();
        try (LocalRun system = LocalRun.start(LocalRun.Settings.forTests(data), System.out)) {
            Path file = data.resolve("GX019999.MP4");
            writeRandomFile(file, bytes);
            for (int round = 0; round < rounds; round++) {
                browser.add(browserUpload(system, file, bytes));
                cli.add(cliUpload(system, file, data, bytes));
                System.out.printf("round %d: browser %.1f MB/s, CLI %.1f MB/s%n", round + 1,
                        browser.get(round), cli.get(round));
            }
        } finally {
            delete(data);
        }
        double loadAfter = load();
        double bestBrowser = browser.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double bestCli = cli.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        String name = "web.upload " + (bytes >> 20) + " MiB";
        BenchmarkReport.record(name, "browser page to S3 (best of " + rounds + ")", bestBrowser, "MB/s", "-");
        BenchmarkReport.record(name, "CLI to S3 (best of " + rounds + ")", bestCli, "MB/s", "-");
        BenchmarkReport.record(name, "ratio browser / CLI", bestBrowser / bestCli, "x", ">= 0.8");
        BenchmarkReport.record(name, "machine load average at start (2 cores)", loadBefore, "load", "-");
        BenchmarkReport.record(name, "machine load average at end (2 cores)", loadAfter, "load", "-");
        System.exit(0);
    }

    /** MB/s of the page's upload, as web/browser-tests/bench/upload.test.ts timed it. */
    private static double browserUpload(LocalRun system, Path file, long bytes) throws Exception {
        IdentityProvider.Credentials trainer = system.identity().demoTrainer();
        ProcessBuilder npm = new ProcessBuilder("npm", "run", "bench:browser-upload")
                .directory(system.repositoryRoot().resolve("web").toFile()).redirectErrorStream(true);
        npm.environment().putAll(Map.of("APEXSHARE_URL", system.apiUri().toString(), "BENCH_FILE", file.toString(),
                "APEXSHARE_TRAINER_USERNAME", trainer.name(), "APEXSHARE_TRAINER_PASSWORD", trainer.secret()));
        String output = run(npm, "the browser upload");
        Matcher result = RESULT.matcher(output);
        if (!result.find()) {
            throw new IllegalStateException("The browser upload printed no result:\n" + output);
        }
        return Long.parseLong(result.group(1)) / 1e6 / Double.parseDouble(result.group(2));
    }

    /** MB/s of {@code apexshare upload}, the whole process timed. */
    private static double cliUpload(LocalRun system, Path file, Path data, long bytes) throws Exception {
        String token = system.identity().trainerToken("bench-" + UUID.randomUUID(), "Bench Trainer",
                "bench@school.example");
        Path jar = system.repositoryRoot().resolve("cli/target/apexshare.jar");
        ProcessBuilder cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "upload", file.toString(), "--student-email", "bench@student.example",
                "--student-name", "Bench Student", "--session-date", java.time.LocalDate.now().toString())
                .redirectErrorStream(true);
        cli.environment().putAll(Map.of("APEXSHARE_API_URL", system.apiUri().toString(), "APEXSHARE_TOKEN", token,
                "APEXSHARE_HOME", Files.createDirectories(data.resolve("cli-home")).toString()));
        long t0 = System.nanoTime();
        run(cli, "the CLI upload");
        return bytes / 1e6 / ((System.nanoTime() - t0) / 1e9);
    }

    private static String run(ProcessBuilder builder, String what) throws Exception {
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(40, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException(what + " failed:\n" + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static void writeRandomFile(Path file, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(size);
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long written = 0; written < size; written += buffer.capacity()) {
                buffer.clear();
                while (buffer.remaining() >= 8) {
                    buffer.putLong(random.nextLong());
                }
                buffer.flip();
                buffer.limit((int) Math.min(buffer.capacity(), size - written));
                channel.write(buffer);
            }
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void delete(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
