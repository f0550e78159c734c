package com.apexshare.upload.upload;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.apexshare.events.storage.ObjectKeys;
import com.apexshare.upload.UploadProperties;
import com.apexshare.upload.quota.TrainerQuotas;

/**
 * Starts uploads. The hot path: one S3 call (CreateMultipartUpload, multipart only), one insert, local presigning and
 * one Kafka acknowledgement, none of them inside a transaction. An upload exists for downstream only once its
 * {@code UploadInitiated} is acknowledged; when that fails, what was prepared is removed again. The trainer's quotas are
 * checked first, in a short transaction of their own, before anything is created.
 */
@Service
public class UploadStarter {

    private static final Logger LOG = LoggerFactory.getLogger(UploadStarter.class);

    private final UploadSessions sessions;
    private final ObjectStore store;
    private final UploadEvents events;
    private final PartUrlSigner signer;
    private final UploadProperties properties;
    private final UploadMetrics metrics;
    private final TrainerQuotas quotas;
    private final Clock clock;

    UploadStarter(UploadSessions sessions, ObjectStore store, UploadEvents events, PartUrlSigner signer,
            UploadProperties properties, UploadMetrics metrics, TrainerQuotas quotas, Clock clock) {
        this.sessions = sessions;
        this.store = store;
        this.events = events;
        this.signer = signer;
        this.properties = properties;
        this.metrics = metrics;
        this.quotas = quotas;
        this.clock = clock;
    }

    public StartedUpload start(NewUpload request) {
        UUID fileId = UUID.randomUUID();
        Instant now = clock.instant();
        String fileName = FileNames.keySafe(request.video().originalFileName());
        String key = ObjectKeys.of(now.atZone(ZoneOffset.UTC).toLocalDate(), fileId, fileName);
        PartPlan plan = PartPlan.of(request.video().size(), properties.singlePutMaxSize().toBytes(),
                properties.partSize().toBytes(), properties.maxParts());
        String contentType = request.video().contentType();
        quotas.claim(new TrainerQuotas.Claim(request.trainer().id(), fileId, plan.fileSize(),
                request.student().email()));

        String s3UploadId;
        try {
            s3UploadId = plan.mode() == UploadMode.MULTIPART ? store.createMultipartUpload(key, contentType) : null;
        } catch (RuntimeException e) {
            releaseQuota(fileId);
            throw e;
        }
        UploadTarget target = new UploadTarget(store.bucket(), key, contentType, s3UploadId);
        boolean stored = false;
        try {
            sessions.add(UploadSession.start(fileId, request.trainer().id(), plan, target, now,
                    now.plus(properties.retention()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
            stored = true;
            PresignedUrl singlePut = null;
            List<PartUrl> partUrls = List.of();
            Instant expiresAt;
            if (plan.mode() == UploadMode.SINGLE_PUT) {
                singlePut = signer.singlePut(key, contentType, plan.fileSize());
                expiresAt = singlePut.expiresAt();
            } else {
                int first = Math.min(plan.partCount(), properties.initialPartUrls());
                List<Integer> numbers = new ArrayList<>(first);
                for (int n = 1; n <= first; n++) {
                    numbers.add(n);
                }
                partUrls = signer.sign(key, s3UploadId, plan, numbers);
                expiresAt = signer.expiresAt(now);
            }
            events.initiated(new UploadEvents.InitiatedUpload(fileId, now, request, fileName, target, plan.mode(),
                    now.plus(properties.retention())));
            metrics.started(plan.mode(), plan.fileSize());
            LOG.info("Upload {} started: {} bytes, {} in {} part(s)", fileId, plan.fileSize(), plan.mode(),
                    plan.partCount());
            return new StartedUpload(fileId, plan, key, expiresAt, singlePut, s3UploadId, partUrls);
        } catch (RuntimeException e) {
            undo(fileId, target, stored);
            throw e;
        }
    }

    /** No half-started upload stays behind: the multipart upload and the session go. */
    private void undo(UUID fileId, UploadTarget target, boolean stored) {
        LOG.warn("Upload {} not started; removing what was prepared", fileId);
        if (target.s3UploadId() != null) {
            try {
                store.abortMultipartUpload(target.objectKey(), target.s3UploadId());
            } catch (RuntimeException e) {
                // Housekeeping and the bucket's AbortIncompleteMultipartUpload rule catch what is left.
                LOG.error("Upload {}: aborting the multipart upload failed", fileId, e);
            }
        }
        if (stored) {
            try {
                sessions.remove(fileId);
            } catch (RuntimeException e) {
                LOG.error("Upload {}: removing the session failed", fileId, e);
            }
        }
        releaseQuota(fileId);
    }

    /** An upload that did not start counts against no quota; if the database is away, the entry ages out in a day. */
    private void releaseQuota(UUID fileId) {
        try {
            quotas.release(fileId);
        } catch (RuntimeException e) {
            LOG.warn("Upload {}: giving back its quota failed", fileId, e);
        }
    }
}
