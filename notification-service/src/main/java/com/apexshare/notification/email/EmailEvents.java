package com.apexshare.notification.email;

import java.time.Instant;
import java.util.UUID;

/**
 * What the service announces about the student's email. Called inside the transaction that records the state, so an
 * implementation writes to the outbox rather than to Kafka directly.
 */
public interface EmailEvents {

    /**
     * A student's link was minted (for the first email, a resend, a corrected address or the reminder);
     * download-service confirms it with {@code LinkActivated}.
     */
    void linkIssued(UUID fileId, String tokenSha256, Instant expiresAt, int linkGeneration, Instant issuedAt);

    /** An email to the student was accepted; {@code kind} says why it was sent ({@code EmailSent.purpose}). */
    void emailSent(UUID fileId, EmailKind kind, Delivery delivery);

    void emailFailed(UUID fileId, FailureReason reason, String detail, Instant failedAt);

    /** The student's email's delivery state moved forward (delivered, bounced, …, or suppressed). */
    void emailDeliveryReported(UUID fileId, DeliveryChange change);
}
