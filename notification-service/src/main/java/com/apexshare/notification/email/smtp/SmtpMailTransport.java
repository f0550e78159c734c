package com.apexshare.notification.email.smtp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import com.apexshare.notification.email.EmailDeliveryFailed;
import com.apexshare.notification.email.FailureReason;
import com.apexshare.notification.email.MailTransport;
import com.apexshare.notification.email.Letter;
import com.apexshare.notification.email.mime.MimeEmail;
import com.apexshare.notification.email.mime.MimeLetters;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

/**
 * Sends through an SMTP relay ({@code spring.mail.*}). The envelope recipient is the message's single {@code To}.
 * SMTP 4xx replies, connection failures and timeouts are transient; 5xx replies are permanent. The provider message id
 * is the message's own {@code Message-ID}.
 */
@Component
@ConditionalOnProperty(name = "apexshare.notification.transport", havingValue = "SMTP")
class SmtpMailTransport implements MailTransport {

    private final JavaMailSender mailSender;
    private final MimeLetters mime;

    SmtpMailTransport(JavaMailSender mailSender, MimeLetters mime) {
        this.mailSender = mailSender;
        this.mime = mime;
    }

    @Override
    public String name() {
        return "SMTP";
    }

    @Override
    public String send(Letter letter) throws EmailDeliveryFailed {
        MimeEmail email = mime.toMime(letter);
        try {
            mailSender.send(email.message());
            return email.messageId();
        } catch (MailException e) {
            throw classify(e);
        }
    }

    static EmailDeliveryFailed classify(MailException e) {
        if (e instanceof MailAuthenticationException) {
            // The relay refused our credentials: an operator fixes them, the email itself is fine.
            return EmailDeliveryFailed.transientFailure("SMTP authentication failed: " + e.getMessage(), e);
        }
        List<Throwable> causes = new ArrayList<>();
        if (e instanceof MailSendException send) {
            for (Map.Entry<Object, Exception> failed : send.getFailedMessages().entrySet()) {
                causes.add(failed.getValue());
            }
        }
        causes.add(e);
        for (Throwable cause : causes) {
            int code = replyCode(cause);
            if (code >= 500 && code < 600) {
                return EmailDeliveryFailed.permanentFailure(reasonOf(cause, code),
                        "SMTP " + code + ": " + firstLine(cause), e);
            }
            if (code >= 400 && code < 500) {
                return EmailDeliveryFailed.transientFailure("SMTP " + code + ": " + firstLine(cause), e);
            }
        }
        return EmailDeliveryFailed.transientFailure("SMTP delivery failed: " + firstLine(causes.get(0)), e);
    }

    /** The SMTP reply code anywhere in the chain (Angus Mail's SMTP exceptions carry it), or -1. */
    static int replyCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            try {
                Object code = t.getClass().getMethod("getReturnCode").invoke(t);
                if (code instanceof Integer c && c > 0) {
                    return c;
                }
            } catch (ReflectiveOperationException ignored) {
                // not an SMTP reply exception
            }
        }
        return -1;
    }

    private static FailureReason reasonOf(Throwable failure, int code) {
        for (Throwable t = failure; t != null; t = next(t)) {
            String type = t.getClass().getSimpleName();
            if (type.equals("SMTPAddressFailedException")) {
                return code == 550 || code == 553 || code == 501 ? FailureReason.INVALID_RECIPIENT
                        : FailureReason.RECIPIENT_REJECTED;
            }
            if (type.equals("SMTPSendFailedException")) {
                return FailureReason.CONTENT_REJECTED;
            }
            if (type.equals("SMTPSenderFailedException")) {
                return FailureReason.OTHER;
            }
        }
        return FailureReason.OTHER;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        if (t instanceof SendFailedException s && s.getCause() == s) {
            return null;
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
