package com.apexshare.notification.email.ses;

import java.util.Locale;

import com.apexshare.notification.email.EmailDeliveryFailed;
import com.apexshare.notification.email.FailureReason;
import com.apexshare.notification.email.MailTransport;
import com.apexshare.notification.email.Letter;
import com.apexshare.notification.email.mime.MimeEmail;
import com.apexshare.notification.email.mime.MimeLetters;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * Sends the raw MIME message (the same bytes the SMTP transport sends) with SES v2 {@code SendEmail}. The destination
 * is set explicitly to the one recipient, so the envelope never depends on parsing headers.
 */
class SesMailTransport implements MailTransport {

    private final SesV2Client ses;
    private final MimeLetters mime;
    private final String fromAddress;
    private final String configurationSet;

    SesMailTransport(SesV2Client ses, MimeLetters mime, String fromAddress, String configurationSet) {
        this.ses = ses;
        this.mime = mime;
        this.fromAddress = fromAddress;
        this.configurationSet = configurationSet == null || configurationSet.isBlank() ? null : configurationSet;
    }

    @Override
    public String name() {
        return "SES";
    }

    @Override
    public String send(Letter letter) throws EmailDeliveryFailed {
        MimeEmail email = mime.toMime(letter);
        SendEmailRequest request = SendEmailRequest.builder()
                .fromEmailAddress(fromAddress)
                .destination(d -> d.toAddresses(email.recipient()))
                .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(email.rawBytes()))))
                .configurationSetName(configurationSet)
                .emailTags(t -> t.name("kind").value(letter.kind().name()),
                        t -> t.name("fileId").value(email.fileId().toString()))
                .build();
        try {
            return ses.sendEmail(request).messageId();
        } catch (SdkException e) {
            throw classify(e);
        }
    }

    static EmailDeliveryFailed classify(SdkException e) {
        String message = e instanceof SesV2Exception ses && ses.awsErrorDetails() != null
                && ses.awsErrorDetails().errorMessage() != null ? ses.awsErrorDetails().errorMessage() : e.getMessage();
        String detail = "SES " + e.getClass().getSimpleName() + ": " + message;
        if (e instanceof TooManyRequestsException || e instanceof LimitExceededException
                || e instanceof SendingPausedException || e instanceof AccountSuspendedException
                || e instanceof NotFoundException) {
            // Throttling, a paused account, a configuration set that does not exist (yet): nothing is wrong with this
            // email; it waits (with backoff, up to max-attempts) until SES takes it or an operator fixes the account.
            return EmailDeliveryFailed.transientFailure(detail, e);
        }
        if (e instanceof MessageRejectedException) {
            String lower = String.valueOf(message).toLowerCase(Locale.ROOT);
            FailureReason reason = lower.contains("address") || lower.contains("recipient")
                    || lower.contains("not verified") || lower.contains("suppress")
                    ? FailureReason.RECIPIENT_REJECTED : FailureReason.CONTENT_REJECTED;
            return EmailDeliveryFailed.permanentFailure(reason, detail, e);
        }
        if (e instanceof MailFromDomainNotVerifiedException) {
            return EmailDeliveryFailed.permanentFailure(FailureReason.OTHER, detail, e);
        }
        if (e instanceof BadRequestException) {
            String lower = String.valueOf(message).toLowerCase(Locale.ROOT);
            FailureReason reason = lower.contains("address") || lower.contains("recipient") || lower.contains("email")
                    ? FailureReason.INVALID_RECIPIENT : FailureReason.OTHER;
            return EmailDeliveryFailed.permanentFailure(reason, detail, e);
        }
        if (e instanceof SesV2Exception ses) {
            if (ses.isThrottlingException() || ses.statusCode() >= 500 || ses.statusCode() == 429
                    || ses.statusCode() == 408 || ses.statusCode() == 0) {
                return EmailDeliveryFailed.transientFailure(detail, e);
            }
            return EmailDeliveryFailed.permanentFailure(FailureReason.OTHER, detail, e);
        }
        if (e instanceof SdkClientException) {
            // Connection refused, timeouts (the provider may have accepted the email: see EmailSender), I/O errors.
            return EmailDeliveryFailed.transientFailure(detail, e);
        }
        return EmailDeliveryFailed.transientFailure(detail, e);
    }
}
