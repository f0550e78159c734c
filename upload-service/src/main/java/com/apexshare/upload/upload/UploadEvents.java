package com.apexshare.upload.upload;

import java.time.Instant;
import java.util.UUID;

/**
 * The events the upload service publishes, keyed by file id. Each call returns once Kafka has acknowledged the event
 * and throws otherwise ({@code EventsUnavailable}, answered 503), so that no answer claims what downstream never heard
 * of.
 */
public interface UploadEvents {

    void initiated(InitiatedUpload upload);

    void completed(UUID fileId, StoredObject object, CompletionSource source, Instant at);

    void aborted(UUID fileId, Instant at);

    /**
     * Everything {@code UploadInitiated} carries.
     *
     * @param upload         the trainer's request
     * @param fileName       the key-safe file name used in the object key
     * @param target         bucket and object key
     * @param mode           single PUT or multipart
     * @param retentionUntil when the video and its records are removed
     */
    record InitiatedUpload(UUID fileId, Instant occurredAt, NewUpload upload, String fileName, UploadTarget target,
            UploadMode mode, Instant retentionUntil) {

        @Override
        public String toString() {
            // Personal data stays out of logs.
            return "InitiatedUpload[fileId=" + fileId + ", fileSize=" + upload.video().size() + ", mode=" + mode + "]";
        }
    }
}
