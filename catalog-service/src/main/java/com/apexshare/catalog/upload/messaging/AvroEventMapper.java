package com.apexshare.catalog.upload.messaging;

import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;

import com.apexshare.catalog.upload.UploadEvent;
import com.apexshare.events.Downloaded;
import com.apexshare.events.EmailFailed;
import com.apexshare.events.EmailSent;
import com.apexshare.events.UploadCompleted;
import com.apexshare.events.UploadDeleted;
import com.apexshare.events.UploadInitiated;

/** Maps the Avro events to the catalog's facts; the Avro classes stop here. */
final class AvroEventMapper {

    private AvroEventMapper() {
    }

    /**
     * @throws IllegalArgumentException when the event is not one the catalog folds or its ids are not UUIDs
     */
    static UploadEvent toUploadEvent(SpecificRecord record) {
        if (record instanceof UploadInitiated e) {
            return new UploadEvent.Initiated(uuid("fileId", e.getFileId()), e.getOccurredAt(), e.getTrainerId(),
                    e.getTrainerName(), e.getStudentEmail(), e.getStudentName(), e.getSessionDate(), e.getNotes(),
                    e.getFileName(), e.getOriginalFileName(), e.getFileSize(), e.getContentType(), e.getBucket(),
                    e.getObjectKey(), e.getUploadMode().name(), e.getRetentionUntil());
        }
        if (record instanceof UploadCompleted e) {
            return new UploadEvent.Completed(uuid("fileId", e.getFileId()), e.getOccurredAt(), e.getSize(),
                    e.getETag());
        }
        if (record instanceof UploadDeleted e) {
            String reason = e.getReason().name();
            return new UploadEvent.Deleted(uuid("fileId", e.getFileId()), e.getOccurredAt(), reason,
                    UploadEvent.Deleted.RETENTION_EXPIRED.equals(reason));
        }
        if (record instanceof EmailSent e) {
            return new UploadEvent.EmailSent(uuid("fileId", e.getFileId()), e.getSentAt());
        }
        if (record instanceof EmailFailed e) {
            return new UploadEvent.EmailFailed(uuid("fileId", e.getFileId()), e.getOccurredAt(), e.getReason().name());
        }
        if (record instanceof Downloaded e) {
            return new UploadEvent.Downloaded(uuid("fileId", e.getFileId()), uuid("downloadId", e.getDownloadId()),
                    e.getOccurredAt());
        }
        throw new IllegalArgumentException("Not an event the catalog folds: " + record.getSchema().getFullName());
    }

    private static UUID uuid(String field, String value) {
        try {
            UUID id = UUID.fromString(value);
            // UUID.fromString also accepts short forms such as "1-2-3-4-5"; ids must be canonical to match keys.
            if (!id.toString().equalsIgnoreCase(value)) {
                throw new IllegalArgumentException(field + " is not a canonical UUID");
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not a UUID", e);
        }
    }
}
