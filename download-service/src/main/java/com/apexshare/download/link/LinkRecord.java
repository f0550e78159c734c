package com.apexshare.download.link;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the view knows about the upload behind one link token. Fields of an event that has not arrived yet are null.
 *
 * @param fileId         the upload
 * @param tokenExpiresAt when the e-mailed link stops working ({@code EmailSent.linkExpiresAt})
 * @param initiatedAt    when the upload was initiated; null until {@code UploadInitiated} arrived
 * @param completedAt    when the bytes were reported in S3; null until {@code UploadCompleted} arrived
 * @param deletedAt      when the upload was aborted or removed; null unless {@code UploadDeleted} arrived
 * @param retentionUntil when the upload is removed
 * @param bucket         bucket of the object
 * @param objectKey      key of the object
 * @param fileName       name offered to the student
 * @param contentType    media type of the video
 * @param fileSize       stored size (or the declared size before completion)
 * @param sessionDate    date of the filmed session
 * @param trainerName    trainer's display name
 * @param notes          trainer's notes, may be null
 */
public record LinkRecord(UUID fileId, Instant tokenExpiresAt, Instant initiatedAt, Instant completedAt,
        Instant deletedAt, Instant retentionUntil, String bucket, String objectKey, String fileName, String contentType,
        Long fileSize, LocalDate sessionDate, String trainerName, String notes) {

    /** The earlier of the link's and the upload's end. */
    public Instant expiresAt() {
        if (retentionUntil == null || tokenExpiresAt.isBefore(retentionUntil)) {
            return tokenExpiresAt;
        }
        return retentionUntil;
    }

    /** Both the metadata and the bytes are known. */
    public boolean isReady() {
        return initiatedAt != null && completedAt != null && bucket != null && objectKey != null;
    }
}
