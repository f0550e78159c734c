package com.apexshare.upload.upload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.apexshare.upload.UploadProperties;

/**
 * Aborts uploads: the trainer's request, housekeeping of uploads nobody finished, and the completions that turned out
 * impossible. Every abort runs in three steps, so that no S3 call or Kafka wait happens inside a transaction holding a
 * row lock: claim it (a short transaction marks the session {@link UploadStatus#ABORTING}), remove its S3 objects and
 * publish {@code UploadDeleted(ABORTED)} with no transaction open, then settle it (a short transaction marks it
 * {@link UploadStatus#ABORTED}). An abort whose claimant dies in between stays claimed and is finished by the next
 * housekeeping run once {@code abort-lease} has passed, or at once by the trainer's next abort.
 */
@Service
public class UploadAborter {

    private static final Logger LOG = LoggerFactory.getLogger(UploadAborter.class);

    /** Why an upload is aborted: the {@code reason} tag of {@code apexshare.uploads.aborted}. */
    enum Reason {
        TRAINER("trainer"), STALE("stale"), SIZE_MISMATCH("size-mismatch"), S3_GONE("s3-gone");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }

        String tag() {
            return tag;
        }
    }

    private final UploadSessions sessions;
    private final ObjectStore store;
    private final UploadEvents events;
    private final UploadMetrics metrics;
    private final Duration abortLease;
    private final Clock clock;

    UploadAborter(UploadSessions sessions, ObjectStore store, UploadEvents events, UploadMetrics metrics,
            UploadProperties properties, Clock clock) {
        this.sessions = sessions;
        this.store = store;
        this.events = events;
        this.metrics = metrics;
        this.abortLease = properties.housekeeping().abortLease();
        this.clock = clock;
    }

    /** The trainer's abort of an unfinished upload; aborting again is a no-op, a completed upload refuses. */
    public void abort(String trainerId, UUID fileId) {
        sessions.owned(trainerId, fileId);
        if (abort(fileId, Reason.TRAINER)) {
            LOG.info("Upload {} aborted by its trainer", fileId);
        }
    }

    /**
     * Aborts up to {@code limit} uploads started before {@code startedBefore} and never finished, and finishes aborts
     * claimed longer than the abort lease ago and never settled.
     *
     * @return how many were claimed
     */
    public int abortStale(Instant startedBefore, int limit) {
        Instant now = clock.instant();
        List<UploadSession> claimed = sessions.claimStale(startedBefore, now.minus(abortLease), limit,
                session -> session.startAborting(now));
        for (UploadSession session : claimed) {
            carryOut(session, Reason.STALE);
            LOG.info("Upload {} aborted by housekeeping: started {} and never completed", session.fileId(),
                    session.initiatedAt());
        }
        return claimed.size();
    }

    /**
     * Claims, carries out and settles the abort of one upload.
     *
     * @return false when it was aborted already
     * @throws UploadAlreadyCompleted when it is completed
     */
    boolean abort(UUID fileId, Reason reason) {
        Instant now = clock.instant();
        UploadSession claimed = sessions.change(fileId, s -> s.startAborting(now) ? s : null);
        if (claimed == null) {
            return false;
        }
        carryOut(claimed, reason);
        return true;
    }

    private void carryOut(UploadSession session, Reason reason) {
        if (session.mode() == UploadMode.MULTIPART) {
            store.abortMultipartUpload(session.objectKey(), session.s3UploadId());
        }
        // A single PUT may have landed before the abort; an aborted upload leaves no video behind.
        store.delete(session.objectKey());
        events.aborted(session.fileId(), clock.instant());
        sessions.update(session.fileId(), s -> s.markAborted(clock.instant()));
        metrics.aborted(reason.tag());
    }
}
