package com.apexshare.cli.upload;

import java.util.List;
import java.util.Locale;

/** The table printed after an {@code upload} command: one row per file, then the totals. */
final class UploadSummary {

    private UploadSummary() {
    }

    static String render(List<FileResult> results) {
        StringBuilder out = new StringBuilder();
        int nameWidth = Math.max(4, results.stream().mapToInt(r -> r.file().getFileName().toString().length())
                .max().orElse(4));
        nameWidth = Math.min(nameWidth, 40);
        String format = "%-" + nameWidth + "s  %10s  %-12s  %-36s  %7s  %10s%n";
        out.append(String.format(Locale.ROOT, format, "FILE", "SIZE", "RESULT", "FILE ID", "TIME", "RATE"));
        long uploaded = 0;
        int failed = 0;
        for (FileResult r : results) {
            double rate = r.seconds() > 0 ? r.sent() / r.seconds() : 0;
            out.append(String.format(Locale.ROOT, format, ProgressFormat.fit(r.file().getFileName().toString(),
                    nameWidth).stripTrailing(), ProgressFormat.bytes(r.size()), r.outcome().label,
                    r.fileId() == null ? "-" : r.fileId(), ProgressFormat.duration(Math.round(r.seconds())),
                    r.sent() > 0 ? ProgressFormat.rate(rate) : "-"));
            if (r.ok()) {
                uploaded += r.size();
            } else {
                failed++;
            }
        }
        int ok = results.size() - failed;
        out.append(String.format(Locale.ROOT, "%d file%s: %d uploaded (%s)%s%n", results.size(),
                results.size() == 1 ? "" : "s", ok, ProgressFormat.bytes(uploaded),
                failed == 0 ? "" : ", " + failed + " failed: run the same command again to resume"));
        return out.toString();
    }
}
