package com.apexshare.catalog.upload.messaging;

import java.util.Locale;
import java.util.UUID;

import com.apexshare.events.storage.ObjectLocations;

/**
 * An {@code UploadInitiated} that names a bucket other than the configured one, or a key that is not the upload's own
 * {@code videos/<date>/<fileId>-…}: retention would delete that object, so the event is not believed.
 */
final class ForeignObjectLocation extends RejectedUploadFacts {

    ForeignObjectLocation(UUID fileId, ObjectLocations.Violation violation) {
        super(fileId, violation.name().toLowerCase(Locale.ROOT), "UploadInitiated of upload " + fileId + " names "
                + (violation == ObjectLocations.Violation.FOREIGN_BUCKET ? "a bucket other than the configured one"
                        : "an object key that is not the upload's own videos/<date>/<fileId>-…"));
    }
}
