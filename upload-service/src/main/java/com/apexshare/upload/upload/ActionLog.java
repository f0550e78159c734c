package com.apexshare.upload.upload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The rate-limited actions taken on each upload (the {@code persistence} adapter). Read and written inside the
 * transaction that holds the session's row lock, so two replicas cannot both take the last allowed resend.
 */
public interface ActionLog {

    /** What is limited. */
    enum Action {
        RESEND
    }

    /** Times of this upload's actions of this kind since {@code since}, oldest first. */
    List<Instant> since(UUID fileId, Action action, Instant since);

    void record(UUID fileId, Action action, Instant at);

    /** Forgets actions older than {@code before}; how many. */
    int purgeBefore(Instant before);
}
