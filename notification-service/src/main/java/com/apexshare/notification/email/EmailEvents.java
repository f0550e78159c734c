package com.apexshare.notification.email;

import java.time.Instant;
import java.util.UUID;

/**
 * What the service announces about the student's email. Called inside the transaction that records the state, so an
 * implementation writes to the outbox rather than to Kafka directly.
 */
public interface EmailEvents {

    /** The student's link was minted; download-service confirms it with {@code LinkActivated}. */
    void linkIssued(UUID fileId, String tokenSha256, Instant expiresAt, Instant issuedAt);

    void emailSent(UUID fileId, Delivery delivery);

    void emailFailed(UUID fileId, FailureReason reason, String detail, Instant failedAt);

    /** The student's email's delivery state moved forward (delivered, bounced, …, or suppressed). */
    void emailDeliveryReported(UUID fileId, DeliveryChange change);
}
