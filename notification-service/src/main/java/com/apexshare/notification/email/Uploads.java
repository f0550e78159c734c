package com.apexshare.notification.email;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code upload} table: the facts of each upload, built from its events in any order and any number of times.
 * Every record method is an upsert that locks the upload's row, so two events of one upload handled at once see each
 * other's facts.
 */
public interface Uploads {

    /**
     * Records the initiation's facts unless the upload already has them (the first initiation wins, whatever its
     * time) or was deleted.
     *
     * @return false when the upload's recorded initiation has other facts (a conflicting event); true otherwise
     */
    boolean recordInitiated(UploadFacts facts, Instant now);

    /** The first completion time; counts every completion signal. */
    void recordCompleted(UUID fileId, Instant completedAt, Instant now);

    /** Scrubs the personal data at once and keeps a tombstone, so a late event cannot bring the upload back. */
    void recordDeleted(UploadDeletion deletion, Instant now);

    /** The first download time (it may arrive before anything else). */
    void recordDownloaded(UUID fileId, Instant downloadedAt, Instant now);

    /**
     * The trainer corrected the student's address (a null name keeps the name); the highest generation wins.
     *
     * @return whether this change is now the upload's latest (false for a stale or repeated one, or a deleted upload)
     */
    boolean recordAddressChanged(UUID fileId, String studentEmail, String studentName, int linkGeneration,
            Instant now);

    /** The trainer's new end of the upload; the highest revision wins. */
    void recordExpiryChanged(UUID fileId, Instant expiresAt, long revision, Instant now);

    /** The trainer revoked the links; the first revocation sticks. */
    void recordLinksRevoked(UUID fileId, Instant revokedAt, Instant now);

    /** The trainer's reminder switch; the highest revision wins. */
    void recordRemindersChanged(UUID fileId, boolean enabled, long revision, Instant now);

    Optional<KnownUpload> find(UUID fileId);

    boolean isOwnedBy(UUID fileId, String trainerId);

    /**
     * Removes uploads (their emails go with them) whose retention ended before {@code retentionCutoff}, and those
     * whose {@code UploadInitiated} never came, last touched before {@code orphanCutoff}.
     */
    int purge(Instant retentionCutoff, Instant orphanCutoff);
}
