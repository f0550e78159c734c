package com.apexshare.catalog.upload.messaging;

import java.util.UUID;

/**
 * An {@code UploadInitiated} for an upload whose initiation facts (trainer, student, file, bucket, key, size, times)
 * are already recorded otherwise. The first initiation wins whatever the times say; this one changed nothing.
 */
final class ConflictingUploadFacts extends RejectedUploadFacts {

    ConflictingUploadFacts(UUID fileId) {
        super(fileId, "conflicting_facts", "UploadInitiated of upload " + fileId
                + " contradicts the facts its first initiation set; the first one stays");
    }
}
