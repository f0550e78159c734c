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
 * @param tokenGeneration the link's generation ({@code EmailSent.linkGeneration})
 * @param linkGeneration the upload's current generation: links of lower ones are revoked
 * @param changedExpiresAt the end the trainer set ({@code UploadExpiryChanged}); null if never changed
 * @param linksRevokedAt when the trainer revoked every link; null while they live
 */
public record LinkRecord(UUID fileId, Instant tokenExpiresAt, Instant initiatedAt, Instant completedAt,
        Instant deletedAt, Instant retentionUntil, String bucket, String objectKey, String fileName, String contentType,
        Long fileSize, LocalDate sessionDate, String trainerName, String notes, int tokenGeneration,
        Integer linkGeneration, Instant changedExpiresAt, Instant linksRevokedAt) {

    /** A link without any trainer action (the shape before issue 16). */
    public LinkRecord(UUID fileId, Instant tokenExpiresAt, Instant initiatedAt, Instant completedAt,
            Instant deletedAt, Instant retentionUntil, String bucket, String objectKey, String fileName,
            String contentType, Long fileSize, LocalDate sessionDate, String trainerName, String notes) {
        this(fileId, tokenExpiresAt, initiatedAt, completedAt, deletedAt, retentionUntil, bucket, objectKey, fileName,
                contentType, fileSize, sessionDate, trainerName, notes, 1, 1, null, null);
    }

    /** Revoked by the trainer: all links, or this one because the address it went to was corrected. */
    public boolean isRevoked() {
        return linksRevokedAt != null || (linkGeneration != null && tokenGeneration < linkGeneration);
    }

    /**
     * The end the trainer set, which applies to every link of the upload (links e-mailed before an extension included);
     * otherwise the earlier of the link's and the upload's end.
     */
    public Instant expiresAt() {
        if (changedExpiresAt != null) {
            return changedExpiresAt;
        }
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
