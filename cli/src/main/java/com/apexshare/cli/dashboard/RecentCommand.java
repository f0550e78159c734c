package com.apexshare.cli.dashboard;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.apexshare.cli.api.ApiException;
import com.apexshare.cli.api.UploadApiModel.Pagination;
import com.apexshare.cli.api.UploadApiModel.RecentUploads;
import com.apexshare.cli.api.UploadApiModel.UploadRow;
import com.apexshare.cli.console.CliContext;
import com.apexshare.cli.console.Sizes;
import com.apexshare.cli.signin.ApiOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code apexshare recent}: the trainer's dashboard as a table. */
@Command(name = "recent", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Lists your recent uploads: student, session, size, whether the email went out, downloads.")
public final class RecentCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions apiOptions;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Rows (1-100); default ${DEFAULT-VALUE}")
    int limit;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Rows to skip; default ${DEFAULT-VALUE}")
    int offset;

    public RecentCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (limit < 1 || limit > 100) {
            throw new ParameterException(spec.commandLine(), "--limit: must be between 1 and 100, not " + limit);
        }
        if (offset < 0) {
            throw new ParameterException(spec.commandLine(), "--offset: must not be negative, not " + offset);
        }
        try {
            RecentUploads recent = apiOptions.api(context).recent(limit, offset);
            context.out().print(render(recent));
            context.out().flush();
            return CliContext.OK;
        } catch (ApiException e) {
            context.err().println("apexshare recent: " + e.describe());
            context.err().flush();
            return CliContext.FAILED;
        }
    }

    static String render(RecentUploads recent) {
        List<UploadRow> uploads = recent.uploads() == null ? List.of() : recent.uploads();
        Pagination page = recent.pagination();
        if (uploads.isEmpty()) {
            return page != null && page.total() > 0
                    ? "No uploads at offset " + page.offset() + " (" + page.total() + " in all)" + System.lineSeparator()
                    : "No uploads yet." + System.lineSeparator();
        }
        Table table = new Table(List.of("FILE", "STUDENT", "SESSION", "SIZE", "EMAIL", "DOWNLOADS", "UPLOADED",
                "FILE ID"), false, false, false, true, false, true, false, false);
        for (UploadRow u : uploads) {
            table.row(u.fileName(), student(u), u.sessionDate(),
                    u.fileSize() == null ? null : Sizes.bytes(u.fileSize()),
                    u.emailSent() == null ? null : u.emailSent() ? "sent" : "not yet",
                    u.downloadCount() == null ? null : String.valueOf(u.downloadCount()),
                    shortTime(u.uploadDate()), u.fileId());
        }
        StringBuilder out = new StringBuilder(table.render());
        if (page != null) {
            out.append(String.format(Locale.ROOT, "%d-%d of %d", page.offset() + 1, page.offset() + uploads.size(),
                    page.total()));
            if (page.hasMore()) {
                out.append(String.format(Locale.ROOT, "; next: apexshare recent --limit %d --offset %d", page.limit(),
                        page.offset() + uploads.size()));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String student(UploadRow u) {
        if (u.studentName() == null) {
            return u.studentEmail();
        }
        return u.studentEmail() == null ? u.studentName() : u.studentName() + " <" + u.studentEmail() + ">";
    }

    /** {@code 2024-05-31T14:03:12.123Z} as {@code 2024-05-31 14:03}. */
    static String shortTime(String isoTime) {
        if (isoTime == null || isoTime.length() < 16 || isoTime.charAt(10) != 'T') {
            return isoTime;
        }
        return isoTime.substring(0, 10) + " " + isoTime.substring(11, 16) + (isoTime.endsWith("Z") ? "Z" : "");
    }
}
