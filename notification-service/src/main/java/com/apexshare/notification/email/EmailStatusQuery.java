package com.apexshare.notification.email;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side for the status API: the emails of one upload, for its own trainer only. */
@Service
public class EmailStatusQuery {

    /**
     * State of one email; never the address, never the token.
     *
     * @param delivery what became of it after it was sent (or that it was suppressed); null while nothing is known
     */
    public record EmailState(EmailKind kind, EmailStatus status, int attempts, Instant nextAttemptAt, Instant sentAt,
            String transport, Instant linkExpiresAt, String failureReason, DeliveryView delivery) {

        static EmailState of(Email email) {
            return new EmailState(email.kind(), email.status(), email.attempts(),
                    email.status() == EmailStatus.PENDING ? email.nextAttemptAt() : null, email.sentAt(),
                    email.transport(), email.linkExpiresAt(), email.failureReason(),
                    email.deliveryState() == null ? null : new DeliveryView(email.deliveryState(),
                            email.deliveryReportedAt(), email.bounceType(), email.deliveryDiagnostic()));
        }
    }

    /** The email's delivery state, when it was reported, the bounce type and the status code. */
    public record DeliveryView(DeliveryState state, Instant at, BounceType bounceType, String diagnostic) {
    }

    private final Uploads uploads;
    private final Emails emails;

    EmailStatusQuery(Uploads uploads, Emails emails) {
        this.uploads = uploads;
        this.emails = emails;
    }

    /** @throws UploadNotFound when the upload is unknown here or belongs to another trainer */
    @Transactional(readOnly = true)
    public List<EmailState> emailsOf(UUID fileId, String trainerId) {
        if (!uploads.isOwnedBy(fileId, trainerId)) {
            throw new UploadNotFound(fileId);
        }
        return emails.of(fileId).stream().map(EmailState::of).toList();
    }
}
