package com.apexshare.catalog.upload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The facts the catalog folds into an upload's row, decoded from the events at the messaging edge. Each one may arrive
 * more than once and in any order relative to the others.
 */
public sealed interface UploadEvent {

    UUID fileId();

    /** A trainer started an upload; the only fact with personal data. */
    record Initiated(UUID fileId, Instant initiatedAt, String trainerId, String trainerName, String studentEmail,
            String studentName, LocalDate sessionDate, String notes, String fileName, String originalFileName,
            long fileSize, String contentType, String bucket, String objectKey, String uploadMode,
            Instant retentionUntil) implements UploadEvent {
    }

    /** The bytes are in S3; reported by the client and by S3, so usually twice. */
    record Completed(UUID fileId, Instant completedAt, long size, String eTag) implements UploadEvent {
    }

    /**
     * The upload is gone: aborted or removed ({@code expired == false}) or at the end of its retention period
     * ({@code expired == true}, which also erases the student's personal data).
     */
    record Deleted(UUID fileId, Instant deletedAt, String reason, boolean expired) implements UploadEvent {

        public static final String RETENTION_EXPIRED = "RETENTION_EXPIRED";
    }

    /**
     * An email to the student was accepted by the mail provider.
     *
     * @param reminder whether it was the one reminder ({@code EmailSent.purpose} REMINDER); the first email, resends
     *                 and the email to a corrected address count as the link email
     */
    record EmailSent(UUID fileId, Instant sentAt, boolean reminder) implements UploadEvent {

        public EmailSent(UUID fileId, Instant sentAt) {
            this(fileId, sentAt, false);
        }
    }

    /** The trainer asked for the student's email to be sent again. */
    record Resent(UUID fileId, Instant resentAt) implements UploadEvent {
    }

    /**
     * The trainer corrected the student's address (personal data, like the initiation).
     *
     * @param studentName null when the name stays
     */
    record AddressChanged(UUID fileId, Instant changedAt, String studentEmail, String studentName,
            int linkGeneration) implements UploadEvent {
    }

    /** The trainer moved the upload's end; the highest revision wins. */
    record ExpiryChanged(UUID fileId, Instant changedAt, Instant expiresAt, long revision) implements UploadEvent {
    }

    /** The trainer revoked every link of the upload. */
    record LinksRevoked(UUID fileId, Instant revokedAt) implements UploadEvent {
    }

    /** The trainer switched the reminder on or off; the highest revision wins. */
    record RemindersChanged(UUID fileId, Instant changedAt, boolean enabled, long revision) implements UploadEvent {
    }

    /** The student's email could not be delivered and will not be retried. */
    record EmailFailed(UUID fileId, Instant failedAt, String reason) implements UploadEvent {
    }

    /**
     * What became of the student's email after it was sent, or that it was suppressed; the one with the highest
     * {@code sequence} per upload is the current one.
     *
     * @param state      DELAYED, DELIVERED, BOUNCED, COMPLAINED, REJECTED, SUPPRESSED (or UNKNOWN from a newer writer)
     * @param bounceType HARD, SOFT or UNDETERMINED for BOUNCED (HARD also for SUPPRESSED after a hard bounce); else null
     */
    record DeliveryReported(UUID fileId, String state, int sequence, Instant reportedAt, String bounceType,
            String source) implements UploadEvent {
    }

    /**
     * A student opened the link; counted once per download id.
     *
     * @param userAgentFamily coarse client family (Chrome, curl, …); never the raw User-Agent
     * @param channel         how the link was opened (REDIRECT, API, OTHER)
     */
    record Downloaded(UUID fileId, UUID downloadId, Instant downloadedAt, String userAgentFamily, String channel)
            implements UploadEvent {
    }
}
