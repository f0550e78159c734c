package com.apexshare.notification.email.mime;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.apexshare.notification.NotificationProperties;
import com.apexshare.notification.email.EmailDeliveryFailed;
import com.apexshare.notification.email.EmailWriter;
import com.apexshare.notification.email.FailureReason;
import com.apexshare.notification.email.HeaderText;
import com.apexshare.notification.email.Letter;

import org.eclipse.angus.mail.smtp.SMTPMessage;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;

/**
 * Turns a {@link Letter} into the MIME message both transports send: {@code From} and {@code Reply-To} from
 * configuration, {@code To} the one recipient, {@code Auto-Submitted}, {@code multipart/alternative} with
 * quoted-printable text and HTML parts. Names reach headers only through {@link HeaderText} and Jakarta Mail's RFC 2047
 * encoding; the recipient must be one plain address, anything else fails permanently as {@code INVALID_RECIPIENT}.
 *
 * <p>With a VERP address configured ({@code bounces@example.com}) the SMTP envelope sender of each message becomes
 * {@code bounces+<Message-ID local part>@example.com}: a bounce then comes back to an address that names the email,
 * even when the remote server quotes nothing of it. SES ignores it (SES sets its own envelope sender and reports
 * bounces as events).
 */
@Component
public class MimeLetters {

    private final NotificationProperties.Mail mail;
    private final Clock clock;
    private final Session session;
    private final String verpLocal;
    private final String verpDomain;

    public MimeLetters(NotificationProperties properties, Clock clock) {
        this.mail = properties.mail();
        this.clock = clock;
        String verp = properties.deliveryTracking().verpAddress();
        if (verp == null || verp.isBlank()) {
            this.verpLocal = null;
            this.verpDomain = null;
        } else {
            int at = verp.trim().lastIndexOf('@');
            if (at < 1) {
                throw new IllegalArgumentException("delivery-tracking.verp-address must be an address: " + verp);
            }
            this.verpLocal = verp.trim().substring(0, at);
            this.verpDomain = verp.trim().substring(at + 1);
        }
        Properties mime = new Properties();
        mime.setProperty("mail.mime.charset", "UTF-8");
        this.session = Session.getInstance(mime);
    }

    /** @throws EmailDeliveryFailed (permanent, {@code INVALID_RECIPIENT}) unless the recipient is one plain address */
    public MimeEmail toMime(Letter letter) throws EmailDeliveryFailed {
        InternetAddress recipient = recipient(letter.to(), letter.toName());
        try {
            UUID localPart = UUID.randomUUID();
            String id = "<" + localPart + "@" + domainOf(mail.fromAddress()) + ">";
            FixedIdMimeMessage message = new FixedIdMimeMessage(session, id);
            if (verpLocal != null) {
                message.setEnvelopeFrom(verpReturnPath(localPart.toString()));
            }
            message.setFrom(new InternetAddress(mail.fromAddress(), HeaderText.clean(mail.fromName(),
                    EmailWriter.MAX_NAME), "UTF-8"));
            message.setRecipient(Message.RecipientType.TO, recipient);
            if (mail.replyTo() != null && !mail.replyTo().isBlank()) {
                message.setReplyTo(new InternetAddress[] {new InternetAddress(mail.replyTo().trim(), true)});
            }
            message.setSubject(letter.subject(), "UTF-8");
            message.setSentDate(Date.from(clock.instant()));
            message.setHeader("Auto-Submitted", "auto-generated");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(part(letter.text(), "plain"));
            alternative.addBodyPart(part(letter.html(), "html"));
            message.setContent(alternative);
            message.saveChanges();
            return new MimeEmail(letter.fileId(), message, recipient.getAddress(), id.replaceAll("[<>]", ""));
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("Cannot build the email of upload " + letter.fileId(), e);
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
            return new InternetAddress(trimmed, HeaderText.clean(name, EmailWriter.MAX_NAME), "UTF-8");
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

    /** The envelope sender that names one message: {@code <local>+<tag>@<domain>}. */
    String verpReturnPath(String tag) {
        return verpLocal + "+" + tag + "@" + verpDomain;
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "apexshare.local" : address.substring(at + 1).trim();
    }

    /**
     * Keeps the {@code Message-ID} chosen here when a transport saves the message again. An {@link SMTPMessage}, so
     * that the SMTP transport takes its envelope sender (VERP) from it; to everything else it is a plain MIME message.
     */
    private static final class FixedIdMimeMessage extends SMTPMessage {

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
