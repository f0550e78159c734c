package com.apexshare.upload.upload;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where upload sessions are kept (the {@code persistence} adapter). Every change runs in one short transaction of its
 * own with the session's row locked, so that two replicas racing on one upload (client complete and S3 notification,
 * complete and abort) see each other's change; callers never call S3 or Kafka inside one.
 */
public interface UploadSessions {

    /** Stores a new session. */
    void add(UploadSession session);

    Optional<UploadSession> find(UUID fileId);

    /** Removes a session that never got started (its {@code UploadInitiated} was not acknowledged). */
    void remove(UUID fileId);

    /**
     * Applies {@code change} to the locked session and commits; what it throws rolls the change back.
     *
     * @throws UploadNotFound when there is no such session
     */
    <R> R change(UUID fileId, Function<UploadSession, R> change);

    /** {@link #change} for changes without a result. */
    void update(UUID fileId, Consumer<UploadSession> change);

    /**
     * Claims up to {@code limit} sessions for housekeeping, oldest first, in one short transaction: those still in
     * progress that started before {@code startedBefore}, and those whose abort was claimed before
     * {@code abortClaimedBefore} and never settled (the claimant died). Rows another replica holds are skipped, so
     * replicas running at once take different sessions. {@code claim} is applied to each before the commit.
     *
     * @return the claimed sessions, as they were committed
     */
    List<UploadSession> claimStale(Instant startedBefore, Instant abortClaimedBefore, int limit,
            Consumer<UploadSession> claim);

    /**
     * Claims up to {@code limit} trainer deletes claimed before {@code claimedBefore} and never settled, oldest first,
     * skipping rows another replica holds; {@code claim} is applied to each before the commit.
     */
    List<UploadSession> claimStalledDeletes(Instant claimedBefore, int limit, Consumer<UploadSession> claim);

    /** The session of this trainer; another trainer's looks exactly like a missing one. */
    default UploadSession owned(String trainerId, UUID fileId) {
        return find(fileId).filter(s -> s.ownedBy(trainerId)).orElseThrow(() -> new UploadNotFound(fileId.toString()));
    }
}
