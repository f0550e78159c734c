package com.apexshare.upload;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.apexshare.upload.s3.StoredObject;

/**
 * The events the upload service publishes, keyed by file id. Each call returns once Kafka has acknowledged the event
 * and throws {@link EventsUnavailable} otherwise, so that no answer claims what downstream never heard of.
 */
public interface UploadEvents {

    void initiated(InitiatedUpload upload);

    void completed(UUID fileId, StoredObject object, CompletionSource source, Instant at);

    void aborted(UUID fileId, Instant at);

    /** Everything {@code UploadInitiated} carries. */
    record InitiatedUpload(UUID fileId, Instant occurredAt, String trainerId, String trainerName,
            String trainerEmail, String studentEmail, String studentName, LocalDate sessionDate, String notes,
            String fileName, String originalFileName, long fileSize, String contentType, String bucket,
            String objectKey, UploadMode uploadMode, Instant retentionUntil) {

        @Override
        public String toString() {
            // Personal data stays out of logs.
            return "InitiatedUpload[fileId=" + fileId + ", fileSize=" + fileSize + ", mode=" + uploadMode + "]";
        }
    }
}
