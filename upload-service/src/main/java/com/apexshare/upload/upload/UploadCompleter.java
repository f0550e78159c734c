package com.apexshare.upload.upload;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Completes uploads, on the client's signal or on S3's ObjectCreated notification; either, both, in any order and any
 * number of times. S3 and Kafka are called before the short transaction that records the completion, and the
 * completion is recorded only after its {@code UploadCompleted} is acknowledged, so a retry publishes again until one
 * attempt got through.
 */
@Service
public class UploadCompleter {

    private static final Logger LOG = LoggerFactory.getLogger(UploadCompleter.class);

    private final UploadSessions sessions;
    private final ObjectStore store;
    private final UploadEvents events;
    private final UploadAborter aborter;
    private final UploadMetrics metrics;
    private final Clock clock;

    UploadCompleter(UploadSessions sessions, ObjectStore store, UploadEvents events, UploadAborter aborter,
            UploadMetrics metrics, Clock clock) {
        this.sessions = sessions;
        this.store = store;
        this.events = events;
        this.aborter = aborter;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * The client's completion; a retry (or a completion the S3 notification recorded first) returns the stored result
     * without calling S3 again.
     */
    public CompletedUpload complete(String trainerId, UUID fileId, List<PartETag> parts) {
        UploadSession session = sessions.owned(trainerId, fileId);
        Optional<CompletedUpload> done = session.completion();
        if (done.isPresent()) {
            return done.get();
        }
        session.ensureTakingParts();
        if (session.mode() == UploadMode.MULTIPART) {
            List<PartETag> ordered = checkParts(session.plan(), parts);
            try {
                store.completeMultipartUpload(session.objectKey(), session.s3UploadId(), ordered);
            } catch (MultipartUploadNotFound e) {
                // An earlier attempt completed it (and then failed to record it), or S3 dropped it: the object says which.
                LOG.info("Upload {}: S3 has no multipart upload any more; checking the object", fileId);
            } catch (PartsRejected e) {
                throw InvalidUploadRequest.of("parts", e.getMessage() + "; list every part with the ETag S3 returned");
            }
        }
        Optional<StoredObject> object = store.head(session.objectKey());
        if (object.isEmpty()) {
            if (session.mode() == UploadMode.SINGLE_PUT) {
                throw new UploadIncomplete("The file is not in S3 yet: PUT it to the upload URL first");
            }
            aborter.abort(fileId, UploadAborter.Reason.S3_GONE);
            throw new UploadAborted(fileId);
        }
        StoredObject stored = object.get();
        if (!session.hasDeclaredSize(stored.size())) {
            aborter.abort(fileId, UploadAborter.Reason.SIZE_MISMATCH);
            throw new UploadSizeMismatch(fileId, session.fileSize(), stored.size());
        }
        Instant now = clock.instant();
        events.completed(fileId, stored, CompletionSource.CLIENT, now);
        metrics.completed(CompletionSource.CLIENT);
        CompletedUpload completed = sessions.change(fileId, s -> s.complete(stored, now));
        LOG.info("Upload {} completed by its client: {} bytes", fileId, completed.size());
        return completed;
    }

    /**
     * An S3 ObjectCreated notification for one of this service's keys, verified with HeadObject: publishes
     * {@code UploadCompleted} (source S3_NOTIFICATION) and records the completion if the client has not. Throws only
     * for failures that may pass (database, Kafka), so that the notification is retried.
     */
    public NotificationOutcome objectCreated(UUID fileId, StoredObject object) {
        Optional<UploadSession> found = sessions.find(fileId);
        if (found.isEmpty()) {
            return NotificationOutcome.UNKNOWN_UPLOAD;
        }
        UploadSession session = found.get();
        if (!session.stores(object)) {
            return NotificationOutcome.KEY_MISMATCH;
        }
        if (session.abortStarted()) {
            return NotificationOutcome.ABORTED;
        }
        if (session.deleteStarted()) {
            return NotificationOutcome.DELETED;
        }
        if (!session.hasDeclaredSize(object.size())) {
            LOG.warn("Upload {}: S3 object has {} bytes, {} declared; not completing", fileId, object.size(),
                    session.fileSize());
            return NotificationOutcome.SIZE_MISMATCH;
        }
        Instant now = clock.instant();
        events.completed(fileId, object, CompletionSource.S3_NOTIFICATION, now);
        metrics.completed(CompletionSource.S3_NOTIFICATION);
        try {
            sessions.change(fileId, s -> s.complete(object, now));
        } catch (UploadAborted e) {
            // Aborted between the check and now: the abort removes the object; nothing to record.
            return NotificationOutcome.ABORTED;
        }
        return NotificationOutcome.PUBLISHED;
    }

    private static List<PartETag> checkParts(PartPlan plan, List<PartETag> parts) {
        if (parts == null || parts.isEmpty()) {
            throw InvalidUploadRequest.of("parts", "must list all " + plan.partCount() + " parts with their ETags");
        }
        List<PartETag> ordered = parts.stream().sorted(Comparator.comparingInt(PartETag::partNumber)).toList();
        for (int i = 0; i < ordered.size(); i++) {
            PartETag part = ordered.get(i);
            if (part.partNumber() != i + 1 || part.eTag() == null || part.eTag().isBlank()) {
                throw InvalidUploadRequest.of("parts", "must list parts 1.." + plan.partCount()
                        + " exactly once, each with its ETag");
            }
        }
        if (ordered.size() != plan.partCount()) {
            throw new UploadIncomplete("The upload has " + plan.partCount() + " parts; " + ordered.size()
                    + " were listed. Upload the missing parts (see GET …/parts) and list them all");
        }
        return ordered;
    }
}
