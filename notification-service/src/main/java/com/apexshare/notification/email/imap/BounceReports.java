package com.apexshare.notification.email.imap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.ParseException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.apexshare.notification.email.BounceType;
import com.apexshare.notification.email.DeliveryReport;
import com.apexshare.notification.email.DeliveryReport.MessageReference;
import com.apexshare.notification.email.DeliverySource;
import com.apexshare.notification.email.DeliveryState;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads one message of the bounce mailbox as a delivery report, or as none (not a report: an auto-reply, spam).
 * <ul>
 * <li>{@code report-type=delivery-status}: the first recipient's {@code Action} and {@code Status}: {@code failed}
 * with 5.x.x is a hard bounce, with 4.x.x a soft one; {@code delayed} is a delay; {@code delivered}/{@code relayed} a
 * delivery.</li>
 * <li>{@code report-type=feedback-report}: a complaint (unless its {@code Feedback-Type} is {@code not-spam}).</li>
 * </ul>
 * The email is named by the VERP tag of the address the report was sent to ({@code bounces+<tag>@domain} in
 * {@code To}, {@code Delivered-To}, {@code X-Original-To} or {@code Envelope-To}), otherwise by the {@code Message-ID}
 * in the returned headers. Only the action and the status code reach the diagnostic: the remote server's text may
 * quote the address.
 */
final class BounceReports {

    private static final Pattern STATUS = Pattern.compile("([245])\\.\\d{1,3}\\.\\d{1,3}");
    private static final String[] ENVELOPE_HEADERS = {"Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To",
        "To"};

    private final Pattern verp;

    /** @param verpAddress the configured VERP base address; blank when bounces carry no tag */
    BounceReports(String verpAddress) {
        if (verpAddress == null || verpAddress.isBlank() || verpAddress.lastIndexOf('@') < 1) {
            this.verp = null;
        } else {
            String address = verpAddress.trim();
            int at = address.lastIndexOf('@');
            this.verp = Pattern.compile(Pattern.quote(address.substring(0, at)) + "\\+([A-Za-z0-9-]{8,64})@"
                    + Pattern.quote(address.substring(at + 1)), Pattern.CASE_INSENSITIVE);
        }
    }

    Optional<DeliveryReport> read(MimeMessage message) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/report")) {
            return Optional.empty();
        }
        String reportType = String.valueOf(new ContentType(message.getContentType()).getParameter("report-type"))
                .toLowerCase(Locale.ROOT);
        if (!(message.getContent() instanceof Multipart parts)) {
            return Optional.empty();
        }
        InternetHeaders status = null;
        InternetHeaders recipient = null;
        InternetHeaders feedback = null;
        InternetHeaders returned = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("message/delivery-status")) {
                List<InternetHeaders> blocks = blocks(part);
                status = blocks.isEmpty() ? null : blocks.get(0);
                recipient = blocks.stream().skip(1).filter(b -> b.getHeader("Action") != null).findFirst()
                        .orElse(null);
            } else if (part.isMimeType("message/feedback-report")) {
                try (InputStream in = part.getInputStream()) {
                    feedback = new InternetHeaders(in);
                }
            } else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")
                    || part.isMimeType("message/rfc822-headers")) {
                try (InputStream in = part.getInputStream()) {
                    returned = new InternetHeaders(in);
                }
            }
        }
        Optional<MessageReference> reference = reference(message, returned);
        if (reference.isEmpty()) {
            return Optional.empty();
        }
        if (reportType.equals("delivery-status") && recipient != null) {
            return dsn(reference.get(), status, recipient, message);
        }
        if (reportType.equals("feedback-report") && feedback != null) {
            String type = header(feedback, "Feedback-Type");
            if (type != null && type.equalsIgnoreCase("not-spam")) {
                return Optional.empty();
            }
            return Optional.of(new DeliveryReport(reference.get(), DeliveryState.COMPLAINED, null,
                    date(header(feedback, "Arrival-Date"), message), type, DeliverySource.SMTP_DSN));
        }
        return Optional.empty();
    }

    private static Optional<DeliveryReport> dsn(MessageReference reference, InternetHeaders perMessage,
            InternetHeaders recipient, MimeMessage message) throws MessagingException {
        String action = String.valueOf(header(recipient, "Action")).trim().toLowerCase(Locale.ROOT);
        Matcher code = STATUS.matcher(String.valueOf(header(recipient, "Status")));
        String statusCode = code.find() ? code.group() : null;
        Instant at = date(header(recipient, "Last-Attempt-Date"), null);
        if (at == null) {
            at = date(header(perMessage, "Arrival-Date"), message);
        }
        String diagnostic = action + (statusCode == null ? "" : " " + statusCode);
        if (action.startsWith("failed")) {
            BounceType bounce = statusCode == null ? BounceType.UNDETERMINED
                    : statusCode.startsWith("5") ? BounceType.HARD
                    : statusCode.startsWith("4") ? BounceType.SOFT : BounceType.UNDETERMINED;
            return Optional.of(new DeliveryReport(reference, DeliveryState.BOUNCED, bounce, at, diagnostic,
                    DeliverySource.SMTP_DSN));
        }
        if (action.startsWith("delayed")) {
            return Optional.of(new DeliveryReport(reference, DeliveryState.DELAYED, null, at, diagnostic,
                    DeliverySource.SMTP_DSN));
        }
        if (action.startsWith("delivered") || action.startsWith("relayed") || action.startsWith("expanded")) {
            return Optional.of(new DeliveryReport(reference, DeliveryState.DELIVERED, null, at, diagnostic,
                    DeliverySource.SMTP_DSN));
        }
        return Optional.empty();
    }

    /**
     * The groups of fields of a delivery-status body (the per-message one first, then one per recipient), split at
     * blank lines; read whole first (a status body is small, capped at 64 KiB) so that each group parses on its own.
     */
    private static List<InternetHeaders> blocks(BodyPart part) throws MessagingException, IOException {
        byte[] raw;
        try (InputStream in = part.getInputStream()) {
            raw = in.readNBytes(64 * 1024);
        }
        List<InternetHeaders> blocks = new ArrayList<>();
        for (String block : new String(raw, StandardCharsets.US_ASCII).split("\\r?\\n(?:[ \\t]*\\r?\\n)+")) {
            if (!block.isBlank()) {
                blocks.add(new InternetHeaders(new ByteArrayInputStream(
                        (block.strip() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII))));
            }
        }
        return blocks;
    }

    private Optional<MessageReference> reference(MimeMessage message, InternetHeaders returned)
            throws MessagingException {
        if (verp != null) {
            for (String name : ENVELOPE_HEADERS) {
                String[] values = message.getHeader(name);
                if (values == null) {
                    continue;
                }
                for (String value : values) {
                    Matcher tag = verp.matcher(value);
                    if (tag.find()) {
                        return Optional.of(MessageReference.localPart(tag.group(1)));
                    }
                }
            }
        }
        String original = returned == null ? null : header(returned, "Message-ID");
        if (original != null) {
            String id = original.trim().replaceAll("^<|>$", "").trim();
            if (!id.isEmpty() && !id.contains(" ")) {
                return Optional.of(MessageReference.providerMessageId(id));
            }
        }
        return Optional.empty();
    }

    private static String header(InternetHeaders headers, String name) {
        return headers == null ? null : headers.getHeader(name, ",");
    }

    private static Instant date(String value, MimeMessage fallback) throws MessagingException {
        if (value != null) {
            try {
                return new MailDateFormat().parse(value.trim()).toInstant();
            } catch (ParseException | RuntimeException e) {
                // fall through to the message's own date
            }
        }
        if (fallback == null) {
            return null;
        }
        return fallback.getSentDate() != null ? fallback.getSentDate().toInstant() : Instant.now();
    }
}
