package com.apexshare.cli.upload;

import java.util.Locale;

import com.apexshare.cli.console.Sizes;

/** How sizes, rates, durations and the progress line are written (decimal units: 1 MB = 1,000,000 bytes). */
final class ProgressFormat {

    private ProgressFormat() {
    }

    /** {@code 512 B}, {@code 1.50 MB}, {@code 4.01 GB}. */
    static String bytes(long bytes) {
        return Sizes.bytes(bytes);
    }

    /** {@code 38.5 MB/s}. */
    static String rate(double bytesPerSecond) {
        return String.format(Locale.ROOT, "%.1f MB/s", bytesPerSecond / 1_000_000);
    }

    /** {@code 45s}, {@code 3m05s}, {@code 1h02m}; {@code --} when unknown (negative). */
    static String duration(long seconds) {
        if (seconds < 0) {
            return "--";
        }
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
    }

    /** Whole percent, never 100 before the last byte. */
    static int percent(long done, long total) {
        if (total <= 0 || done >= total) {
            return 100;
        }
        return (int) Math.min(99, done * 100 / total);
    }

    /** {@code [#########-----------]}. */
    static String bar(long done, long total, int width) {
        int filled = total <= 0 ? width : (int) Math.min(width, done * width / total);
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "]";
    }

    /** {@code GX010123.MP4   42%  2.10 GB / 5.00 GB  38.5 MB/s  ETA 1m15s}, with a bar on terminals. */
    static String line(String name, TransferProgress.Snapshot s, boolean withBar) {
        return String.format(Locale.ROOT, "%s %s%3d%%  %s / %s  %s  ETA %s", fit(name, 24),
                withBar ? bar(s.done(), s.total(), 20) + " " : "", percent(s.done(), s.total()), bytes(s.done()),
                bytes(s.total()), rate(s.bytesPerSecond()), duration(s.secondsLeft()));
    }

    /** The name shortened in the middle, or padded, to exactly {@code width} characters. */
    static String fit(String name, int width) {
        if (name.length() <= width) {
            return name + " ".repeat(width - name.length());
        }
        int head = (width - 1) / 2;
        int tail = width - 1 - head;
        return name.substring(0, head) + "~" + name.substring(name.length() - tail);
    }
}
