package com.apexshare.cli.upload;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows one file's progress on stderr: a single line redrawn in place on a terminal, a plain line every so often
 * otherwise (CI logs keep every line), or nothing. Notes (retries) print on their own line without breaking the bar.
 */
final class ProgressReporter implements AutoCloseable {

    enum Mode {
        BAR, PLAIN, NONE
    }

    private static final long BAR_REFRESH_MILLIS = 250;

    private final Mode mode;
    private final PrintWriter err;
    private final String name;
    private final TransferProgress progress;
    private final ScheduledExecutorService ticker;
    private int drawnWidth;
    private boolean closed;

    private ProgressReporter(Mode mode, PrintWriter err, String name, TransferProgress progress,
            Duration plainInterval) {
        this.mode = mode;
        this.err = err;
        this.name = name;
        this.progress = progress;
        if (mode == Mode.NONE) {
            this.ticker = null;
            return;
        }
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "apexshare-progress");
            t.setDaemon(true);
            return t;
        });
        long period = mode == Mode.BAR ? BAR_REFRESH_MILLIS : Math.max(1, plainInterval.toMillis());
        ticker.scheduleAtFixedRate(this::tick, mode == Mode.BAR ? 0 : period, period, TimeUnit.MILLISECONDS);
    }

    static ProgressReporter start(Mode mode, PrintWriter err, String name, TransferProgress progress,
            Duration plainInterval) {
        return new ProgressReporter(mode, err, name, progress, plainInterval);
    }

    /** A line of its own (e.g. a retry), keeping the bar below it. */
    synchronized void note(String text) {
        if (mode == Mode.NONE || closed) {
            return;
        }
        if (mode == Mode.BAR) {
            clearBar();
        }
        err.println(name + ": " + text);
        err.flush();
        if (mode == Mode.BAR) {
            draw();
        }
    }

    private synchronized void tick() {
        if (closed) {
            return;
        }
        if (mode == Mode.BAR) {
            draw();
        } else {
            err.println(ProgressFormat.line(name, progress.sample(), false).stripTrailing());
            err.flush();
        }
    }

    private void draw() {
        String line = ProgressFormat.line(name, progress.sample(), true);
        int pad = Math.max(0, drawnWidth - line.length());
        err.print("\r" + line + " ".repeat(pad));
        err.flush();
        drawnWidth = line.length();
    }

    private void clearBar() {
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            drawnWidth = 0;
        }
    }

    /** Stops redrawing; the last state stays on screen (terminal) or is printed once more (plain). */
    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (mode == Mode.BAR) {
                draw();
                err.println();
            } else if (mode == Mode.PLAIN) {
                err.println(ProgressFormat.line(name, progress.sample(), false).stripTrailing());
            }
            err.flush();
        }
    }
}
