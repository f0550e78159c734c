package com.apexshare.download.link;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Writes the service's view of uploads from the events. Every method is idempotent and order-tolerant: it fills only
 * the facts of its own event, so any event may arrive twice, late, or before the others.
 */
public interface UploadView {

    void initiated(InitiatedUpload upload);

    void completed(CompletedUpload upload);

    void deleted(DeletedUpload upload);

    void linkSent(SentLink link);

    /**
     * Forgets uploads (and their links) that were deleted or whose retention ended before the cutoff; until then their
     * links answer 410, afterwards 404.
     *
     * @return how many uploads were forgotten
     */
    int forgetEndedBefore(Instant cutoff);

    /** Facts of {@code UploadInitiated} this service needs (no student data). */
    record InitiatedUpload(UUID fileId, Instant initiatedAt, String trainerName, LocalDate sessionDate, String notes,
            String fileName, String contentType, long declaredSize, String bucket, String objectKey,
            Instant retentionUntil) {
    }

    /** Facts of {@code UploadCompleted}: where the bytes are. */
    record CompletedUpload(UUID fileId, Instant completedAt, String bucket, String objectKey, long size, String eTag) {
    }

    /** Facts of {@code UploadDeleted}. */
    record DeletedUpload(UUID fileId, Instant deletedAt, String reason) {
    }

    /** Facts of {@code EmailSent}: the hash of a valid link token and until when it works. */
    record SentLink(UUID fileId, String tokenSha256, Instant sentAt, Instant expiresAt) {
    }
}
