package com.apexshare.cli.dashboard;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.apexshare.cli.api.ApiException;
import com.apexshare.cli.api.UploadApiModel.Student;
import com.apexshare.cli.api.UploadApiModel.StudentUpload;
import com.apexshare.cli.api.UploadApiModel.StudentUploads;
import com.apexshare.cli.console.CliContext;
import com.apexshare.cli.console.Sizes;
import com.apexshare.cli.signin.ApiOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code apexshare student EMAIL}: every upload for one student, across sessions, with their totals. */
@Command(name = "student", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Lists every upload for one student (by email address), newest first, with their totals.")
public final class StudentCommand implements Callable<Integer> {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions apiOptions;

    @Parameters(paramLabel = "EMAIL", description = "The student's email address")
    String email;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Rows (1-100); default ${DEFAULT-VALUE}")
    int limit;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "The next page's cursor, as the last line shows")
    String cursor;

    public StudentCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (limit < 1 || limit > 100) {
            throw new ParameterException(spec.commandLine(), "--limit: must be between 1 and 100, not " + limit);
        }
        try {
            StudentUploads page = apiOptions.api(context).student(email.strip(), limit, cursor);
            context.out().print(render(page, limit));
            context.out().flush();
            return CliContext.OK;
        } catch (ApiException e) {
            context.err().println("apexshare student: " + e.describe());
            context.err().flush();
            return CliContext.FAILED;
        }
    }

    static String render(StudentUploads page, int limit) {
        Student s = page.student();
        StringBuilder out = new StringBuilder();
        String who = s.studentName() == null ? s.studentEmail() : s.studentName() + " <" + s.studentEmail() + ">";
        out.append(String.format(Locale.ROOT, "%s: %d upload(s), %d download(s), %d not downloaded; sessions %s to %s%n",
                who, s.uploads(), s.downloads(), s.notDownloaded(), s.firstSessionDate(), s.lastSessionDate()));
        List<StudentUpload> uploads = page.uploads() == null ? List.of() : page.uploads();
        Table table = new Table(List.of("FILE", "SESSION", "SIZE", "STATE", "EMAIL", "DOWNLOADS", "EXPIRES",
                "FILE ID"), false, false, true, false, false, true, false, false);
        for (StudentUpload u : uploads) {
            table.row(u.fileName(), u.sessionDate(), u.fileSize() == null ? null : Sizes.bytes(u.fileSize()),
                    Boolean.TRUE.equals(u.linksRevoked()) ? u.status() + " (revoked)" : u.status(),
                    u.emailStatus() == null ? null : u.emailStatus().toLowerCase(Locale.ROOT),
                    u.downloadCount() == null ? null : String.valueOf(u.downloadCount()),
                    RecentCommand.shortTime(u.expiresAt()), u.fileId());
        }
        out.append(table.render());
        if (page.page() != null && page.page().hasMore() && page.page().nextCursor() != null) {
            out.append("next: apexshare student ").append(s.studentEmail()).append(" --limit ").append(limit)
                    .append(" --cursor ").append(page.page().nextCursor()).append(System.lineSeparator());
        }
        return out.toString();
    }
}
