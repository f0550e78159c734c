package com.apexshare.notification.email;

import java.util.UUID;

import com.apexshare.platform.kafka.UnprocessableEvent;

/**
 * An {@code UploadInitiated} for an upload whose first initiation had other facts (student, trainer, file, times):
 * the first one stays, so that nobody who can write to the topic can redirect the student's email. Dead-lettered by
 * the platform's error policy; the message names the upload only, never an address.
 */
public final class ConflictingUploadFacts extends UnprocessableEvent {

    ConflictingUploadFacts(UUID fileId) {
        super("UploadInitiated of upload " + fileId + " contradicts the facts of its first initiation");
    }
}
