package com.apexshare.notification.email;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import com.apexshare.notification.NotificationProperties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Writes the emails: subject, plain-text and HTML parts from the templates under {@code templates/email/}, headers from
 * configuration. Everything user-supplied is escaped in the HTML part by Thymeleaf ({@code th:text}); names reach
 * headers only through {@link HeaderText} and Jakarta Mail's encoding; the recipient must be one plain address.
 */
@Component
public class EmailComposer {

    static final int MAX_NAME = 100;
    private static final DateTimeFormatter SESSION_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm zzz", Locale.ENGLISH);

    private final NotificationProperties properties;
    private final Clock clock;
    private final Session session;
    private final TemplateEngine html;
    private final TemplateEngine text;

    public EmailComposer(NotificationProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        Properties mime = new Properties();
        mime.setProperty("mail.mime.charset", "UTF-8");
        this.session = Session.getInstance(mime);
        this.html = engine(TemplateMode.HTML, ".html");
        this.text = engine(TemplateMode.TEXT, ".txt");
    }

    /** Builds the email; a student link email gets a fresh token. */
    public OutgoingEmail compose(ClaimedEmail email) throws EmailDeliveryFailed {
        return switch (email.kind()) {
            case STUDENT_LINK -> studentLink(email.fileId(), email.upload(), LinkTokens.newToken());
            case TRAINER_FIRST_DOWNLOAD -> trainerFirstDownload(email.fileId(), email.upload(), email.firstDownloadedAt());
        };
    }

    OutgoingEmail studentLink(UUID fileId, UploadFacts upload, String token) throws EmailDeliveryFailed {
        String trainer = HeaderText.clean(upload.trainerName(), MAX_NAME);
        String subject = "Your riding session video from " + (trainer.isEmpty() ? "your trainer" : trainer)
                + " is ready";
        Map<String, Object> model = new HashMap<>();
        model.put("subject", subject);
        model.put("studentName", upload.studentName());
        model.put("trainerName", upload.trainerName());
        model.put("sessionDate", formatDate(upload.sessionDate()));
        model.put("notes", upload.notes() == null || upload.notes().isBlank() ? null : upload.notes());
        model.put("fileName", upload.fileName());
        model.put("fileSize", humanSize(upload.fileSize()));
        model.put("link", LinkTokens.link(properties.linkBaseUrl(), token));
        model.put("expiresAt", formatInstant(upload.retentionUntil()));
        MimeMessage message = build(fileId, upload.studentEmail(), upload.studentName(), subject,
                render(text, "student-link", model), render(html, "student-link", model));
        return new OutgoingEmail(fileId, EmailKind.STUDENT_LINK, message, upload.studentEmail().trim(),
                messageId(message), LinkTokens.sha256Hex(token), upload.retentionUntil());
    }

    OutgoingEmail trainerFirstDownload(UUID fileId, UploadFacts upload, Instant downloadedAt)
            throws EmailDeliveryFailed {
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
        MimeMessage message = build(fileId, upload.trainerEmail(), upload.trainerName(), subject,
                render(text, "trainer-first-download", model), render(html, "trainer-first-download", model));
        return new OutgoingEmail(fileId, EmailKind.TRAINER_FIRST_DOWNLOAD, message, upload.trainerEmail().trim(),
                messageId(message), null, null);
    }

    private MimeMessage build(UUID fileId, String to, String toName, String subject, String textBody, String htmlBody)
            throws EmailDeliveryFailed {
        InternetAddress recipient = recipient(to, toName);
        NotificationProperties.Mail mail = properties.mail();
        try {
            String id = "<" + UUID.randomUUID() + "@" + domainOf(mail.fromAddress()) + ">";
            MimeMessage message = new FixedIdMimeMessage(session, id);
            message.setFrom(new InternetAddress(mail.fromAddress(), HeaderText.clean(mail.fromName(), MAX_NAME),
                    "UTF-8"));
            message.setRecipient(Message.RecipientType.TO, recipient);
            if (mail.replyTo() != null && !mail.replyTo().isBlank()) {
                message.setReplyTo(new InternetAddress[] {new InternetAddress(mail.replyTo().trim(), true)});
            }
            message.setSubject(subject, "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            message.setHeader("Auto-Submitted", "auto-generated");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(part(textBody, "plain"));
            alternative.addBodyPart(part(htmlBody, "html"));
            message.setContent(alternative);
            message.saveChanges();
            return message;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("Cannot build the email of upload " + fileId, e);
        }
    }

    /** Exactly one plain address: anything else (a list, a display name, a line break) is a permanent failure. */
    private static InternetAddress recipient(String address, String name) throws EmailDeliveryFailed {
        if (address == null || address.isBlank()) {
            throw EmailDeliveryFailed.permanentFailure(FailureReason.INVALID_RECIPIENT, "no recipient address", null);
        }
        String trimmed = address.trim();
        try {
            InternetAddress parsed = new InternetAddress(trimmed, true);
            parsed.validate();
            if (parsed.getPersonal() != null || !trimmed.equals(parsed.getAddress()) || !trimmed.contains("@")) {
                throw new AddressException("not a single plain address");
            }
            return new InternetAddress(trimmed, HeaderText.clean(name, MAX_NAME), "UTF-8");
        } catch (AddressException | UnsupportedEncodingException e) {
            throw EmailDeliveryFailed.permanentFailure(FailureReason.INVALID_RECIPIENT,
                    "invalid recipient address: " + e.getMessage(), null);
        }
    }

    private static MimeBodyPart part(String body, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(body, "UTF-8", subtype);
        // Quoted-printable keeps lines short and any user text from ever looking like a MIME boundary or header.
        part.setHeader("Content-Transfer-Encoding", "quoted-printable");
        return part;
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID().replaceAll("[<>]", "");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
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

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "apexshare.local" : address.substring(at + 1).trim();
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(EmailComposer.class.getClassLoader());
        resolver.setPrefix("templates/email/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    /** Keeps the {@code Message-ID} chosen here when a transport saves the message again. */
    private static final class FixedIdMimeMessage extends MimeMessage {

        private final String id;

        FixedIdMimeMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
