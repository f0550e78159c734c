package com.apexshare.catalog.upload.messaging;

import java.util.UUID;

import com.apexshare.platform.kafka.UnprocessableEvent;

/**
 * An event whose facts contradict what the catalog knows or may believe. Like a malformed record it can never be
 * applied, so the platform's error policy dead-letters it at once; unlike one, it is also counted as a rejected claim
 * ({@code apexshare.events.rejected}), because it may be an attack. The message names the upload and the rule, never
 * a value the event carried (it may be personal data or point at someone else's object).
 */
abstract sealed class RejectedUploadFacts extends UnprocessableEvent
        permits ForeignObjectLocation, ConflictingUploadFacts {

    private final UUID fileId;
    private final String reason;

    RejectedUploadFacts(UUID fileId, String reason, String message) {
        super(message);
        this.fileId = fileId;
        this.reason = reason;
    }

    UUID fileId() {
        return fileId;
    }

    /** The metric's {@code reason} tag, e.g. {@code foreign_bucket}. */
    String reason() {
        return reason;
    }
}
