package com.apexshare.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Where benchmarks put their numbers: each result is printed and appended to
 * {@code target/benchmarks/results.tsv} at the repository root; {@link #main} prints them all as one table at the end
 * of {@code mvn -Pbenchmarks verify}. Benchmarks print numbers against goals; they never pass or fail.
 */
public final class BenchmarkReport {

    private BenchmarkReport() {
    }

    /**
     * @param benchmark name, e.g. {@code upload.initiate}
     * @param metric    what was measured, e.g. {@code p99 latency at 100 req/s}
     * @param value     the number
     * @param unit      its unit, e.g. {@code ms}
     * @param goal      the goal it is compared with, e.g. {@code < 50 ms}
     */
    public static void record(String benchmark, String metric, double value, String unit, String goal) {
        String line = String.join("\t", benchmark, metric, String.format(Locale.ROOT, "%.2f", value), unit, goal);
        System.out.printf("BENCHMARK %-28s %-44s %12.2f %-8s goal %s%n", benchmark, metric, value, unit, goal);
        Path file = resultsFile();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Prints every recorded result as a table, then clears the file so that the next run starts afresh. */
    public static void main(String[] args) throws IOException {
        Path file = resultsFile();
        List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
        String format = "| %-28s | %-44s | %12s | %-8s | %-16s |%n";
        System.out.println();
        System.out.printf(format, "benchmark", "metric", "value", "unit", "goal");
        System.out.printf(format, "-".repeat(28), "-".repeat(44), "-".repeat(12), "-".repeat(8), "-".repeat(16));
        for (String line : lines) {
            String[] c = line.split("\t", -1);
            if (c.length == 5) {
                System.out.printf(format, (Object[]) c);
            }
        }
        System.out.println();
        Files.deleteIfExists(file);
    }

    /** {@code <repository root>/target/benchmarks/results.tsv}; the root is the folder that holds {@code schemas/}. */
    static Path resultsFile() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("schemas"))) {
            dir = dir.getParent();
        }
        Path root = dir == null ? Path.of("").toAbsolutePath() : dir;
        return root.resolve("target").resolve("benchmarks").resolve("results.tsv");
    }
}
