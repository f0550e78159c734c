package com.apexshare.cli.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    @Test
    void shouldRedrawOneLineOnATerminalAndKeepNotesAboveIt() {
        // Given a terminal and a file half sent
        StringWriter err = new StringWriter();
        TransferProgress progress = new TransferProgress(2_000_000, 0);
        progress.add(1_000_000);

        // When a retry is noted and the file finishes
        try (ProgressReporter reporter = ProgressReporter.start(ProgressReporter.Mode.BAR, new PrintWriter(err),
                "GX010123.MP4", progress, Duration.ofHours(1))) {
            reporter.note("part 2 failed (HTTP 503); trying again (2 of 5)");
            progress.add(1_000_000);
        }

        // Then the line is redrawn in place (carriage returns, no newlines between draws), the note sits on a line
        // of its own, and the final state ends with a newline
        String output = err.toString();
        assertThat(output).contains("\r").contains("GX010123.MP4: part 2 failed (HTTP 503); trying again (2 of 5)\n");
        String last = output.substring(output.lastIndexOf('\r') + 1);
        assertThat(last).contains("100%").contains("2.00 MB / 2.00 MB").endsWith("\n");
    }

    @Test
    void shouldPrintPlainLinesForLogsAndNothingWhenQuiet() {
        // Given a log (not a terminal) and a quiet run
        StringWriter plain = new StringWriter();
        StringWriter quiet = new StringWriter();
        TransferProgress progress = new TransferProgress(1000, 0);
        progress.add(1000);

        // When each reports a finished file
        ProgressReporter.start(ProgressReporter.Mode.PLAIN, new PrintWriter(plain), "a.mp4", progress,
                Duration.ofHours(1)).close();
        ProgressReporter quietReporter = ProgressReporter.start(ProgressReporter.Mode.NONE, new PrintWriter(quiet),
                "a.mp4", progress, Duration.ofHours(1));
        quietReporter.note("ignored");
        quietReporter.close();

        // Then the log has one whole line without carriage returns, the quiet run nothing
        assertThat(plain.toString()).doesNotContain("\r").startsWith("a.mp4").contains("100%").endsWith("\n");
        assertThat(quiet.toString()).isEmpty();
    }
}
