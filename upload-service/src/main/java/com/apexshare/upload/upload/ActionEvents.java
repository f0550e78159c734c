package com.apexshare.upload.upload;

import java.time.Instant;
import java.util.UUID;

/**
 * The events of the trainer's actions, keyed by file id. Called inside the transaction that changes the session, so an
 * implementation appends to the outbox: the change and its event commit together, and the relay publishes them in
 * order. None carries a token; only {@link #addressChanged} carries personal data (the new address).
 */
public interface ActionEvents {

    void resent(UUID fileId, int linkGeneration, Instant at);

    /** @param studentName the new name, or null when it stays */
    void addressChanged(UUID fileId, String studentEmail, String studentName, int linkGeneration, Instant at);

    void expiryChanged(ExpiryChange change, Instant at);

    void linksRevoked(UUID fileId, Instant at);

    void remindersChanged(UUID fileId, boolean enabled, long revision, Instant at);

    /** {@code UploadDeleted(TRAINER_DELETED)}. */
    void deleted(UUID fileId, Instant at);
}
