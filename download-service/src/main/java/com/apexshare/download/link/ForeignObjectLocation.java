package com.apexshare.download.link;

import java.util.UUID;

import com.apexshare.events.storage.ObjectLocations;
import com.apexshare.platform.kafka.UnprocessableEvent;

/**
 * An {@code UploadInitiated} or {@code UploadCompleted} naming a bucket other than the served one, or a key that is not
 * the upload's own {@code videos/<date>/<fileId>-…}: no link may ever lead there. Dead-lettered by the platform's error
 * policy; the message never repeats the bucket or key.
 */
public final class ForeignObjectLocation extends UnprocessableEvent {

    ForeignObjectLocation(UUID fileId, String event, ObjectLocations.Violation violation) {
        super(event + " of upload " + fileId + " names " + (violation == ObjectLocations.Violation.FOREIGN_BUCKET
                ? "a bucket other than the served one" : "an object key that is not the upload's own"));
    }
}
