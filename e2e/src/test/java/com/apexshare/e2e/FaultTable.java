package com.apexshare.e2e;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault suite's result table: one row per fault, what was injected, how many uploads (or records) came through,
 * how many were lost and how many duplicated, and how long the row took from injecting the fault to a settled
 * system. Printed once, after the last fault, whatever failed.
 */
final class FaultTable {

    record Row(String fault, String injected, String recovered, int lost, int duplicated, double seconds) {
    }

    private final List<Row> rows = new ArrayList<>();

    /** Where the rows and the table are written too (CI keeps target/; the console may be cut or interleaved). */
    private final Path file;

    FaultTable(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void add(Row row) {
        rows.add(row);
        String line = String.format("FAULT %s: injected %s, recovered %s, lost %d, duplicated %d, %.1f s%n",
                row.fault(), row.injected(), row.recovered(), row.lost(), row.duplicated(), row.seconds());
        System.out.print(line);
        append(line);
    }

    private void append(String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized int size() {
        return rows.size();
    }

    /** The rows added since the table had {@code from} rows. */
    synchronized List<Row> rowsFrom(int from) {
        return List.copyOf(rows.subList(from, rows.size()));
    }

    /**
     * @param startUpSeconds how long the shared system took to start before the first fault (0 when another class
     *                       had started it)
     */
    synchronized void print(PrintStream console, Duration outage, double totalSeconds, double startUpSeconds) {
        java.io.StringWriter text = new java.io.StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(text);
        int fault = "fault".length();
        int injected = "injected".length();
        int recovered = "recovered".length();
        for (Row r : rows) {
            fault = Math.max(fault, r.fault().length());
            injected = Math.max(injected, r.injected().length());
            recovered = Math.max(recovered, r.recovered().length());
        }
        String format = "| %-" + fault + "s | %-" + injected + "s | %-" + recovered + "s | %4s | %10s | %7s |%n";
        out.println();
        out.printf("Fault suite: outages of %d s (-Dapexshare.faults.outage=PT2M for the full two minutes); "
                + "%.0f s in all, of which %.0f s starting the system and %.0f s of faults%n", outage.toSeconds(),
                totalSeconds, Math.max(0, startUpSeconds), totalSeconds - Math.max(0, startUpSeconds));
        out.printf(format, "fault", "injected", "recovered", "lost", "duplicated", "time");
        out.printf(format, "-".repeat(fault), "-".repeat(injected), "-".repeat(recovered), "----", "----------",
                "-------");
        for (Row r : rows) {
            out.printf(format, r.fault(), r.injected(), r.recovered(), r.lost(), r.duplicated(),
                    String.format("%.1f s", r.seconds()));
        }
        out.println();
        out.flush();
        console.print(text);
        console.flush();
        append("\n" + text);
    }
}
