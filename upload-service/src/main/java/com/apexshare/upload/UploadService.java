package com.apexshare.upload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.apexshare.upload.s3.MultipartUploadNotFound;
import com.apexshare.upload.s3.ObjectStore;
import com.apexshare.upload.s3.PartETag;
import com.apexshare.upload.s3.PartsRejected;
import com.apexshare.upload.s3.PresignedUrl;
import com.apexshare.upload.s3.StoredObject;
import com.apexshare.upload.s3.StoredPart;

/**
 * Upload sessions from start to completion or abort. S3 and Kafka are called outside database transactions, and
 * every step is ordered so that a failure or a retry leaves nothing half-done: an upload exists for downstream only
 * once its {@code UploadInitiated} is acknowledged; a completion is recorded only after its {@code UploadCompleted}
 * is, so a retried {@code complete} republishes until one attempt got through.
 */
@Service
public class UploadService {

    private static final Logger LOG = LoggerFactory.getLogger(UploadService.class);
    /** Most part URLs one request may ask for. */
    public static final int MAX_URLS_PER_REQUEST = 1000;

    private final UploadSessionRepository sessions;
    private final ObjectStore store;
    private final UploadEvents events;
    private final UploadProperties properties;
    private final UploadMetrics metrics;
    private final Clock clock;

    UploadService(UploadSessionRepository sessions, ObjectStore store, UploadEvents events,
            UploadProperties properties, UploadMetrics metrics, Clock clock) {
        this.sessions = sessions;
        this.store = store;
        this.events = events;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    public StartedUpload initiate(NewUpload request) {
        UUID fileId = UUID.randomUUID();
        Instant now = clock.instant();
        String fileName = FileNames.keySafe(request.originalFileName());
        String key = ObjectKeys.of(now.atZone(ZoneOffset.UTC).toLocalDate(), fileId, fileName);
        PartPlan plan = PartPlan.of(request.fileSize(), properties.singlePutMaxSize().toBytes(),
                properties.partSize().toBytes(), properties.maxParts());
        String contentType = request.contentType();

        String s3UploadId = plan.mode() == UploadMode.MULTIPART ? store.createMultipartUpload(key, contentType) : null;
        boolean stored = false;
        try {
            sessions.save(new UploadSession(fileId, request.trainerId(), plan, store.bucket(), key, s3UploadId,
                    contentType, now));
            stored = true;
            PresignedUrl singlePut = null;
            List<PartUrl> partUrls = List.of();
            Instant expiresAt;
            if (plan.mode() == UploadMode.SINGLE_PUT) {
                singlePut = store.presignPut(key, contentType, plan.fileSize(), properties.presignExpiry());
                expiresAt = singlePut.expiresAt();
            } else {
                int first = Math.min(plan.partCount(), properties.initialPartUrls());
                List<Integer> numbers = new ArrayList<>(first);
                for (int n = 1; n <= first; n++) {
                    numbers.add(n);
                }
                partUrls = presignParts(key, s3UploadId, plan, numbers);
                expiresAt = expiry(now);
            }
            events.initiated(new UploadEvents.InitiatedUpload(fileId, now, request.trainerId(), request.trainerName(),
                    request.trainerEmail(), request.studentEmail(), request.studentName(), request.sessionDate(),
                    request.notes(), fileName, request.originalFileName(), plan.fileSize(), contentType,
                    store.bucket(), key, plan.mode(), now.plus(properties.retention())));
            metrics.started(plan.mode(), plan.fileSize());
            LOG.info("Upload {} started: {} bytes, {} in {} part(s)", fileId, plan.fileSize(), plan.mode(),
                    plan.partCount());
            return new StartedUpload(fileId, plan, key, expiresAt, singlePut, s3UploadId, partUrls);
        } catch (RuntimeException e) {
            undoInitiate(fileId, key, s3UploadId, stored);
            throw e;
        }
    }

    /** No half-started upload stays behind: the multipart upload and the session go. */
    private void undoInitiate(UUID fileId, String key, String s3UploadId, boolean stored) {
        LOG.warn("Upload {} not started; removing what was prepared", fileId);
        if (s3UploadId != null) {
            try {
                store.abortMultipartUpload(key, s3UploadId);
            } catch (RuntimeException e) {
                // Housekeeping and the bucket's AbortIncompleteMultipartUpload rule catch what is left.
                LOG.error("Upload {}: aborting the multipart upload failed", fileId, e);
            }
        }
        if (stored) {
            try {
                sessions.deleteById(fileId);
            } catch (RuntimeException e) {
                LOG.error("Upload {}: removing the session failed", fileId, e);
            }
        }
    }

    public UploadProgress progress(String trainerId, UUID fileId) {
        UploadSession session = owned(trainerId, fileId);
        List<StoredPart> parts = List.of();
        if (session.status() == UploadStatus.IN_PROGRESS) {
            if (session.mode() == UploadMode.MULTIPART) {
                try {
                    parts = store.listParts(session.objectKey(), session.s3UploadId());
                } catch (MultipartUploadNotFound e) {
                    parts = List.of();
                }
            } else {
                parts = store.head(session.objectKey())
                        .map(o -> List.of(new StoredPart(1, o.eTag(), o.size()))).orElse(List.of());
            }
        }
        return new UploadProgress(fileId, session.status(), session.plan(), parts);
    }

    /**
     * Fresh presigned URLs: of the given parts (multipart), or of the single PUT (part numbers ignored).
     */
    public FreshUrls presign(String trainerId, UUID fileId, List<Integer> partNumbers) {
        UploadSession session = owned(trainerId, fileId);
        requireInProgress(session);
        PartPlan plan = session.plan();
        if (session.mode() == UploadMode.SINGLE_PUT) {
            PresignedUrl put = store.presignPut(session.objectKey(), session.contentType(), plan.fileSize(),
                    properties.presignExpiry());
            return new FreshUrls(List.of(), put, put.expiresAt());
        }
        if (partNumbers == null || partNumbers.isEmpty()) {
            throw InvalidUploadRequest.of("partNumbers", "must list at least one part number");
        }
        if (partNumbers.size() > MAX_URLS_PER_REQUEST) {
            throw InvalidUploadRequest.of("partNumbers", "must list at most " + MAX_URLS_PER_REQUEST + " part numbers");
        }
        TreeSet<Integer> numbers = new TreeSet<>();
        for (Integer n : partNumbers) {
            if (n == null || n < 1 || n > plan.partCount()) {
                throw InvalidUploadRequest.of("partNumbers",
                        "part numbers must be between 1 and " + plan.partCount() + ", got " + n);
            }
            numbers.add(n);
        }
        Instant now = clock.instant();
        return new FreshUrls(presignParts(session.objectKey(), session.s3UploadId(), plan, List.copyOf(numbers)),
                null, expiry(now));
    }

    /**
     * Completes the upload; a retry (or a completion the S3 notification recorded first) returns the stored result
     * without calling S3 again.
     */
    public CompletedUpload complete(String trainerId, UUID fileId, List<PartETag> parts) {
        UploadSession session = owned(trainerId, fileId);
        if (session.status() == UploadStatus.COMPLETED) {
            return stored(session);
        }
        if (session.status() == UploadStatus.ABORTED) {
            throw new UploadAborted(fileId);
        }
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
            abort(session, "s3-gone");
            throw new UploadAborted(fileId);
        }
        StoredObject stored = object.get();
        if (stored.size() != session.fileSize()) {
            store.delete(session.objectKey());
            abort(session, "size-mismatch");
            throw new UploadSizeMismatch(fileId, session.fileSize(), stored.size());
        }
        Instant now = clock.instant();
        events.completed(fileId, stored, CompletionSource.CLIENT, now);
        metrics.completed(CompletionSource.CLIENT);
        if (sessions.markCompleted(fileId, now, stored.size(), stored.eTag(), UploadStatus.COMPLETED,
                UploadStatus.IN_PROGRESS) == 0) {
            UploadSession current = sessions.findById(fileId).orElseThrow(() -> new UploadNotFound(fileId.toString()));
            if (current.status() == UploadStatus.ABORTED) {
                throw new UploadAborted(fileId);
            }
            return stored(current);
        }
        LOG.info("Upload {} completed by its client: {} bytes", fileId, stored.size());
        return new CompletedUpload(fileId, stored.size(), stored.eTag());
    }

    /** Aborts an unfinished upload; aborting again is a no-op. */
    public void abort(String trainerId, UUID fileId) {
        UploadSession session = owned(trainerId, fileId);
        if (session.status() == UploadStatus.ABORTED) {
            return;
        }
        if (session.status() == UploadStatus.COMPLETED) {
            throw new UploadAlreadyCompleted(fileId);
        }
        abort(session, "trainer");
        LOG.info("Upload {} aborted by its trainer", fileId);
    }

    /**
     * An S3 ObjectCreated notification for one of this service's keys, verified with HeadObject: publishes
     * {@code UploadCompleted} (source S3_NOTIFICATION) and records the completion if the client has not.
     */
    public NotificationOutcome objectCreated(UUID fileId, StoredObject object) {
        Optional<UploadSession> found = sessions.findById(fileId);
        if (found.isEmpty()) {
            return NotificationOutcome.UNKNOWN_UPLOAD;
        }
        UploadSession session = found.get();
        if (!session.objectKey().equals(object.key()) || !session.bucket().equals(object.bucket())) {
            return NotificationOutcome.KEY_MISMATCH;
        }
        if (session.status() == UploadStatus.ABORTED) {
            return NotificationOutcome.ABORTED;
        }
        if (object.size() != session.fileSize()) {
            LOG.warn("Upload {}: S3 object has {} bytes, {} declared; not completing", fileId, object.size(),
                    session.fileSize());
            return NotificationOutcome.SIZE_MISMATCH;
        }
        Instant now = clock.instant();
        events.completed(fileId, object, CompletionSource.S3_NOTIFICATION, now);
        metrics.completed(CompletionSource.S3_NOTIFICATION);
        sessions.markCompleted(fileId, now, object.size(), object.eTag(), UploadStatus.COMPLETED,
                UploadStatus.IN_PROGRESS);
        return NotificationOutcome.PUBLISHED;
    }

    /**
     * Aborts up to {@code limit} uploads started before {@code cutoff} and never finished. Rows are locked with
     * SKIP LOCKED, so replicas running this at once take different uploads.
     *
     * @return how many were aborted
     */
    @Transactional
    public int abortStale(Instant cutoff, int limit) {
        List<UploadSession> stale = sessions.lockStale(cutoff, limit);
        Instant now = clock.instant();
        for (UploadSession session : stale) {
            removeFromStore(session);
            events.aborted(session.fileId(), now);
            session.abort(now);
            metrics.aborted("stale");
            LOG.info("Upload {} aborted by housekeeping: started {} and never completed", session.fileId(),
                    session.initiatedAt());
        }
        return stale.size();
    }

    private void abort(UploadSession session, String reason) {
        removeFromStore(session);
        Instant now = clock.instant();
        events.aborted(session.fileId(), now);
        sessions.markAborted(session.fileId(), now, UploadStatus.ABORTED, UploadStatus.IN_PROGRESS);
        metrics.aborted(reason);
    }

    private void removeFromStore(UploadSession session) {
        if (session.mode() == UploadMode.MULTIPART) {
            store.abortMultipartUpload(session.objectKey(), session.s3UploadId());
        }
        // A single PUT may have landed before the abort; an aborted upload leaves no video behind.
        store.delete(session.objectKey());
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

    private List<PartUrl> presignParts(String key, String uploadId, PartPlan plan, List<Integer> numbers) {
        List<PartUrl> urls = new ArrayList<>(numbers.size());
        for (int n : numbers) {
            urls.add(new PartUrl(n, store.presignPart(key, uploadId, n, plan.partLength(n),
                    properties.presignExpiry()).url()));
        }
        return urls;
    }

    private Instant expiry(Instant now) {
        Duration expiry = properties.presignExpiry();
        return now.plus(expiry);
    }

    private UploadSession owned(String trainerId, UUID fileId) {
        return sessions.findById(fileId).filter(s -> s.ownedBy(trainerId))
                .orElseThrow(() -> new UploadNotFound(fileId.toString()));
    }

    private static void requireInProgress(UploadSession session) {
        if (session.status() == UploadStatus.ABORTED) {
            throw new UploadAborted(session.fileId());
        }
        if (session.status() == UploadStatus.COMPLETED) {
            throw new UploadAlreadyCompleted(session.fileId());
        }
    }

    private static CompletedUpload stored(UploadSession session) {
        return new CompletedUpload(session.fileId(), session.completedSize(), session.completedEtag());
    }
}
