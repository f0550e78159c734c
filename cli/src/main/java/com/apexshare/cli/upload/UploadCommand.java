package com.apexshare.cli.upload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import com.apexshare.cli.api.ApexShareApi;
import com.apexshare.cli.api.SignInRequired;
import com.apexshare.cli.console.CliContext;
import com.apexshare.cli.signin.ApiOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code apexshare upload FILE... --student-email … --student-name … --session-date …}. */
@Command(name = "upload", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Uploads videos for one student, straight to S3, several parts at once.",
                "Files go one after another; an interrupted upload resumes when the same command runs again."},
        footer = {"", "Example:",
                "  apexshare upload GX010123.MP4 GX010124.MP4 --student-email sam@example.com \\",
                "      --student-name 'Sam Rider' --session-date 2024-05-31 --notes 'Track day'"})
public final class UploadCommand implements Callable<Integer> {

    static final int MAX_PARALLEL = 16;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern MEDIA_TYPE = Pattern.compile("^[\\w.+-]+/[\\w.+-]+$");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** How progress is shown. */
    enum ProgressOption {
        auto, bar, plain, none
    }

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions apiOptions;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Video files (.mp4, .mov, .avi)")
    List<Path> files;

    @Option(names = "--student-email", required = true, paramLabel = "EMAIL", description = "Student's email address")
    String studentEmail;

    @Option(names = "--student-name", required = true, paramLabel = "NAME", description = "Student's name")
    String studentName;

    @Option(names = "--session-date", required = true, paramLabel = "YYYY-MM-DD", description = "Day of the session")
    String sessionDate;

    @Option(names = "--notes", paramLabel = "TEXT", description = "Notes for the student")
    String notes;

    @Option(names = "--trainer-name", paramLabel = "NAME",
            description = "Name shown to the student; default: the name in your token")
    String trainerName;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "Parts sent at once (1-" + MAX_PARALLEL + "); default ${DEFAULT-VALUE}")
    int parallel;

    @Option(names = "--content-type", paramLabel = "TYPE",
            description = "Video type for files whose extension does not tell it, e.g. video/mp4")
    String contentType;

    @Option(names = {"-q", "--quiet"}, description = "No progress output")
    boolean quiet;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (a bar on terminals, lines otherwise), bar, plain, none; default ${DEFAULT-VALUE}")
    ProgressOption progress;

    public UploadCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<String> problems = problems(files, studentEmail, studentName, sessionDate, parallel, contentType);
        if (!problems.isEmpty()) {
            throw new ParameterException(spec.commandLine(), String.join(System.lineSeparator(), problems));
        }
        ApexShareApi api = apiOptions.api(context);
        FileUploader uploader = new FileUploader(api, new StateStore(context.home()), context.http(),
                context.retry(), parallel, context.clock(), mode(), context.err(), context.plainProgressInterval());
        UploadMetadata metadata = new UploadMetadata(studentEmail.strip(), studentName.strip(),
                blankToNull(trainerName), sessionDate, blankToNull(notes));
        List<FileResult> results = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            if (files.size() > 1 && mode() != ProgressReporter.Mode.NONE) {
                context.err().printf("[%d/%d] %s%n", i + 1, files.size(), file);
                context.err().flush();
            }
            FileResult result;
            try {
                result = uploader.upload(file, contentTypeOf(file), metadata);
            } catch (SignInRequired e) {
                // Every further file would fail the same way; what was sent stays resumable.
                context.err().println(file.getFileName() + ": upload failed: " + e.getMessage()
                        + "; then run the same command again to resume");
                context.err().flush();
                if (!results.isEmpty()) {
                    context.out().print(UploadSummary.render(results));
                    context.out().flush();
                }
                return CliContext.NOT_SIGNED_IN;
            }
            if (!result.ok()) {
                context.err().println(file.getFileName() + ": upload failed: " + result.problem());
                context.err().flush();
            }
            results.add(result);
        }
        context.out().print(UploadSummary.render(results));
        context.out().flush();
        return results.stream().allMatch(FileResult::ok) ? CliContext.OK : CliContext.FAILED;
    }

    private ProgressReporter.Mode mode() {
        if (quiet || progress == ProgressOption.none) {
            return ProgressReporter.Mode.NONE;
        }
        return switch (progress) {
            case bar -> ProgressReporter.Mode.BAR;
            case plain -> ProgressReporter.Mode.PLAIN;
            default -> context.terminal() ? ProgressReporter.Mode.BAR : ProgressReporter.Mode.PLAIN;
        };
    }

    private String contentTypeOf(Path file) {
        return contentType != null ? contentType.strip().toLowerCase(Locale.ROOT)
                : ContentTypes.forFileName(file.getFileName().toString()).orElseThrow();
    }

    /** Everything wrong with the command line, before any upload starts (a GoPro card fails early, not at file 17). */
    static List<String> problems(List<Path> files, String studentEmail, String studentName, String sessionDate,
            int parallel, String contentType) {
        List<String> problems = new ArrayList<>();
        if (studentEmail == null || !EMAIL.matcher(studentEmail.strip()).matches()) {
            problems.add("--student-email: '" + studentEmail + "' is not an email address");
        }
        if (studentName == null || studentName.isBlank()) {
            problems.add("--student-name: must not be blank");
        }
        try {
            LocalDate.parse(sessionDate == null ? "" : sessionDate, DATE);
        } catch (DateTimeParseException e) {
            problems.add("--session-date: '" + sessionDate + "' is not a date like 2024-05-31");
        }
        if (parallel < 1 || parallel > MAX_PARALLEL) {
            problems.add("--parallel: must be between 1 and " + MAX_PARALLEL + ", not " + parallel);
        }
        if (contentType != null && !MEDIA_TYPE.matcher(contentType.strip()).matches()) {
            problems.add("--content-type: '" + contentType + "' is not a media type like video/mp4");
        }
        Set<Path> seen = new HashSet<>();
        for (Path file : files == null ? List.<Path>of() : files) {
            Path absolute = file.toAbsolutePath().normalize();
            if (!seen.add(absolute)) {
                problems.add(file + ": given twice");
            } else if (!Files.exists(absolute)) {
                problems.add(file + ": no such file");
            } else if (!Files.isRegularFile(absolute)) {
                problems.add(file + ": not a regular file");
            } else if (!Files.isReadable(absolute)) {
                problems.add(file + ": not readable");
            } else if (contentType == null && ContentTypes.forFileName(file.getFileName().toString()).isEmpty()) {
                problems.add(file + ": cannot tell the video type from its name; allowed: " + ContentTypes.allowed()
                        + " (or give --content-type)");
            }
        }
        return problems;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
