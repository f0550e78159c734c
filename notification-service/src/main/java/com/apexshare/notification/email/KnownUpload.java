package com.apexshare.notification.email;

import java.time.Instant;

/**
 * What the service knows of an upload when one of its emails is about to be sent.
 *
 * @param facts             the personal data of {@code UploadInitiated} (scrubbed once deleted)
 * @param firstDownloadedAt when the student first opened the link; null before
 * @param deletedAt         when it was deleted; null while it exists
 */
public record KnownUpload(UploadFacts facts, Instant firstDownloadedAt, Instant deletedAt) {

    /** Whether an email about it may still leave: not deleted, retention not passed. */
    public boolean emailable(Instant now) {
        return deletedAt == null && facts.retentionUntil() != null && facts.retentionUntil().isAfter(now);
    }
}
