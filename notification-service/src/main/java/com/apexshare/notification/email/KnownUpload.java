package com.apexshare.notification.email;

import java.time.Instant;

/**
 * What the service knows of an upload when one of its emails is about to be sent.
 *
 * @param facts             the personal data of {@code UploadInitiated} (scrubbed once deleted); the address and end
 *                          as the trainer last changed them
 * @param firstDownloadedAt when the student first opened the link; null before
 * @param deletedAt         when it was deleted; null while it exists
 * @param linkGeneration    1 until the trainer first corrects the address
 * @param linksRevokedAt    when the trainer revoked the links; null while they live
 * @param remindersEnabled  whether the trainer allows the reminder
 */
public record KnownUpload(UploadFacts facts, Instant firstDownloadedAt, Instant deletedAt, int linkGeneration,
        Instant linksRevokedAt, boolean remindersEnabled) {

    public KnownUpload(UploadFacts facts, Instant firstDownloadedAt, Instant deletedAt) {
        this(facts, firstDownloadedAt, deletedAt, 1, null, true);
    }

    /** Whether an email about it may still leave: not deleted, retention not passed. */
    public boolean emailable(Instant now) {
        return deletedAt == null && facts.retentionUntil() != null && facts.retentionUntil().isAfter(now);
    }

    /**
     * Whether an email of this kind may still leave: emailable, and for the student's emails the links not revoked;
     * the reminder also only while nobody downloaded and the trainer allows it.
     */
    public boolean allows(EmailKind kind, Instant now) {
        if (!emailable(now)) {
            return false;
        }
        if (kind.toStudent() && linksRevokedAt != null) {
            return false;
        }
        return kind != EmailKind.STUDENT_REMINDER || (firstDownloadedAt == null && remindersEnabled);
    }
}
