package com.apexshare.download.link;

import java.util.UUID;

import com.apexshare.platform.kafka.UnprocessableEvent;

/**
 * An event that contradicts what the view already knows of its upload: a second {@code UploadInitiated} with other
 * facts (the first one wins, whatever the times say), or an {@code UploadCompleted} naming another object than the
 * upload's (a link is never re-aimed). It changes nothing; the platform's error policy dead-letters it. The message
 * names the upload and the rule, never a value from the event.
 */
public final class ConflictingUploadFacts extends UnprocessableEvent {

    ConflictingUploadFacts(UUID fileId, String event, String rule) {
        super(event + " of upload " + fileId + " " + rule);
    }
}
