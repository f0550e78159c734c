package com.apexshare.notification.email;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import com.apexshare.events.link.LinkToken;
import com.apexshare.notification.NotificationProperties;

/**
 * Writes the emails: subject, plain-text and HTML bodies from the templates under {@code templates/email/}.
 * Everything user-supplied is escaped in the HTML body by Thymeleaf ({@code th:text}) and never evaluated as template
 * code; names reach the subject only through {@link HeaderText}.
 */
@Component
public class EmailWriter {

    /** Longest name (in code points) that reaches a header. */
    public static final int MAX_NAME = 100;
    private static final DateTimeFormatter SESSION_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm zzz", Locale.ENGLISH);

    private final NotificationProperties properties;
    private final TemplateEngine html;
    private final TemplateEngine text;

    public EmailWriter(NotificationProperties properties) {
        this.properties = properties;
        this.html = engine(TemplateMode.HTML, ".html");
        this.text = engine(TemplateMode.TEXT, ".txt");
    }

    /**
     * Writes the claimed email; a student's email carries the token issued for it (the same one on every attempt, the
     * one download-service confirmed).
     */
    public Letter write(ClaimedEmail email) {
        return switch (email.kind()) {
            case STUDENT_LINK, STUDENT_RESEND, STUDENT_NEW_ADDRESS ->
                    studentLink(email.upload(), LinkToken.parse(email.linkToken()), email.kind());
            case STUDENT_REMINDER -> studentReminder(email.upload(), LinkToken.parse(email.linkToken()));
            case TRAINER_FIRST_DOWNLOAD -> trainerFirstDownload(email.upload(), email.firstDownloadedAt());
            case TRAINER_DELIVERY_PROBLEM -> trainerDeliveryProblem(email.upload(), email.studentDelivery(),
                    email.studentBounce());
            case TRAINER_DIGEST -> throw new IllegalArgumentException("a digest is written by trainerDigest");
        };
    }

    /** The trainer's daily digest: their live uploads, which the students downloaded and which not yet. */
    public Letter trainerDigest(TrainerDigest digest) {
        String subject = "Your ApexShare uploads: " + digest.notDownloaded().size() + " not downloaded yet";
        Map<String, Object> model = new HashMap<>();
        model.put("subject", subject);
        model.put("trainerName", digest.trainerName());
        model.put("day", formatDate(digest.day()));
        model.put("notDownloaded", digest.notDownloaded().stream().map(this::digestLine).toList());
        model.put("downloaded", digest.downloadedSince().stream().map(this::digestLine).toList());
        return new Letter(digest.id(), EmailKind.TRAINER_DIGEST, digest.trainerEmail(), digest.trainerName(), subject,
                render(text, "trainer-digest", model), render(html, "trainer-digest", model), null, null);
    }

    private Map<String, String> digestLine(TrainerDigest.Line line) {
        Map<String, String> row = new HashMap<>();
        row.put("fileName", line.fileName() == null ? "" : line.fileName());
        row.put("studentName", line.studentName() == null ? "" : line.studentName());
        row.put("sessionDate", formatDate(line.sessionDate()));
        row.put("expiresAt", formatInstant(line.expiresAt()));
        row.put("downloadedAt", formatInstant(line.firstDownloadedAt()));
        return row;
    }

    /** The student's link email with this token in it; only the token's hash is kept. */
    public Letter studentLink(UploadFacts upload, LinkToken token) {
        return studentLink(upload, token, EmailKind.STUDENT_LINK);
    }

    /**
     * The reminder: the same details and a fresh link, asking the student to download before the expiry; only the
     * token's hash is kept.
     */
    public Letter studentReminder(UploadFacts upload, LinkToken token) {
        String trainer = HeaderText.clean(upload.trainerName(), MAX_NAME);
        String subject = "Reminder: your riding session video from " + (trainer.isEmpty() ? "your trainer" : trainer)
                + " is waiting";
        Map<String, Object> model = studentModel(upload, token, subject);
        return new Letter(upload.fileId(), EmailKind.STUDENT_REMINDER, upload.studentEmail(), upload.studentName(),
                subject, render(text, "student-reminder", model), render(html, "student-reminder", model),
                token.sha256Hex(), upload.retentionUntil());
    }

    private Map<String, Object> studentModel(UploadFacts upload, LinkToken token, String subject) {
        Map<String, Object> model = new HashMap<>();
        model.put("subject", subject);
        model.put("studentName", upload.studentName());
        model.put("trainerName", upload.trainerName());
        model.put("sessionDate", formatDate(upload.sessionDate()));
        model.put("notes", upload.notes() == null || upload.notes().isBlank() ? null : upload.notes());
        model.put("fileName", upload.fileName());
        model.put("fileSize", humanSize(upload.fileSize()));
        model.put("link", token.link(properties.linkBaseUrl()).toString());
        model.put("expiresAt", formatInstant(upload.retentionUntil()));
        return model;
    }

    /** The link email of one kind (first, resent, to a corrected address): same text, its own tag. */
    private Letter studentLink(UploadFacts upload, LinkToken token, EmailKind kind) {
        String trainer = HeaderText.clean(upload.trainerName(), MAX_NAME);
        String subject = "Your riding session video from " + (trainer.isEmpty() ? "your trainer" : trainer)
                + " is ready";
        Map<String, Object> model = studentModel(upload, token, subject);
        return new Letter(upload.fileId(), kind, upload.studentEmail(), upload.studentName(), subject,
                render(text, "student-link", model), render(html, "student-link", model), token.sha256Hex(),
                upload.retentionUntil());
    }

    /** The trainer's note that the student opened the link for the first time; no link in it. */
    public Letter trainerFirstDownload(UploadFacts upload, Instant downloadedAt) {
        String student = HeaderText.clean(upload.studentName(), MAX_NAME);
        String subject = "Your riding session video for " + (student.isEmpty() ? "your student" : student)
                + " was downloaded";
        Map<String, Object> model = new HashMap<>();
        model.put("subject", subject);
        model.put("studentName", upload.studentName());
        model.put("trainerName", upload.trainerName());
        model.put("sessionDate", formatDate(upload.sessionDate()));
        model.put("fileName", upload.fileName());
        model.put("downloadedAt", formatInstant(downloadedAt));
        model.put("expiresAt", formatInstant(upload.retentionUntil()));
        return new Letter(upload.fileId(), EmailKind.TRAINER_FIRST_DOWNLOAD, upload.trainerEmail(),
                upload.trainerName(), subject, render(text, "trainer-first-download", model),
                render(html, "trainer-first-download", model), null, null);
    }

    /**
     * The trainer's note that the student's email will not arrive (hard bounce, complaint, rejection, suppressed
     * address), with the address as the trainer entered it, so that a typo shows. No link in it.
     */
    public Letter trainerDeliveryProblem(UploadFacts upload, DeliveryState state, BounceType bounce) {
        String student = HeaderText.clean(upload.studentName(), MAX_NAME);
        String subject = "Your video for " + (student.isEmpty() ? "your student" : student) + " did not arrive";
        Map<String, Object> model = new HashMap<>();
        model.put("subject", subject);
        model.put("studentName", upload.studentName());
        model.put("studentEmail", upload.studentEmail());
        model.put("trainerName", upload.trainerName());
        model.put("sessionDate", formatDate(upload.sessionDate()));
        model.put("fileName", upload.fileName());
        model.put("problem", problem(state, bounce));
        model.put("advice", state == DeliveryState.COMPLAINED
                ? "ApexShare will not email this address again. Please check with your student before you send the "
                        + "video to another address."
                : state == DeliveryState.REJECTED
                        ? "Please contact support; sending the video again will probably not help."
                        : "ApexShare will not email this address again until you correct it. Please check the address "
                                + "with your student and change it on your dashboard.");
        return new Letter(upload.fileId(), EmailKind.TRAINER_DELIVERY_PROBLEM, upload.trainerEmail(),
                upload.trainerName(), subject, render(text, "trainer-delivery-problem", model),
                render(html, "trainer-delivery-problem", model), null, null);
    }

    private static String problem(DeliveryState state, BounceType bounce) {
        if (state == null) {
            return "the email could not be delivered.";
        }
        return switch (state) {
            case BOUNCED -> bounce == BounceType.HARD
                    ? "the receiving mail server says this address does not exist or accepts no mail."
                    : "the receiving mail server did not accept it.";
            case COMPLAINED -> "the email was reported as spam.";
            case REJECTED -> "our mail provider refused to send it.";
            case SUPPRESSED -> "this address bounced or reported an earlier email as spam, so no email was sent.";
            default -> "the email could not be delivered.";
        };
    }

    private static String render(TemplateEngine engine, String template, Map<String, Object> model) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariables(model);
        return engine.process(template, context);
    }

    private String formatInstant(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(properties.mail().timeZone()));
    }

    private static String formatDate(LocalDate date) {
        return date == null ? "" : SESSION_DATE.format(date);
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ENGLISH, "%.1f %s", value, units[unit]);
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(EmailWriter.class.getClassLoader());
        resolver.setPrefix("templates/email/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
