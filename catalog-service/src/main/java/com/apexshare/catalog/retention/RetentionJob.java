package com.apexshare.catalog.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.apexshare.catalog.CatalogProperties;
import com.apexshare.catalog.upload.UploadEvent;
import com.apexshare.catalog.upload.UploadLedger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Removes uploads at the end of their retention period, in batches: claim due uploads (SKIP LOCKED, so replicas share
 * the work), delete their objects, publish {@code UploadDeleted(RETENTION_EXPIRED)} and wait for the broker, then fold
 * the same events into the catalog, all in one transaction. If publishing fails the transaction rolls back and the
 * next run repeats the batch (deleting an object twice and a duplicate event are both harmless). The local state is
 * written through the same ledger as the consumed events, so a replay of the topics rebuilds it exactly.
 */
@Component
@ConditionalOnProperty(name = "apexshare.catalog.retention.enabled", havingValue = "true", matchIfMissing = true)
public class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final DueUploads dueUploads;
    private final ObjectStore objects;
    private final DeletionPublisher publisher;
    private final UploadLedger ledger;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final CatalogProperties.Retention settings;
    private final String defaultBucket;
    private final Counter expired;
    private final Counter failures;

    RetentionJob(DueUploads dueUploads, ObjectStore objects, DeletionPublisher publisher, UploadLedger ledger,
            TransactionTemplate transaction, Clock clock, CatalogProperties properties, MeterRegistry meters) {
        this.dueUploads = dueUploads;
        this.objects = objects;
        this.publisher = publisher;
        this.ledger = ledger;
        this.transaction = transaction;
        this.clock = clock;
        this.settings = properties.retention();
        this.defaultBucket = properties.s3().bucket();
        this.expired = Counter.builder("catalog.retention.expired")
                .description("Uploads removed at the end of their retention period").register(meters);
        this.failures = Counter.builder("catalog.retention.failures")
                .description("Objects whose deletion failed; retried on the next run").register(meters);
    }

    @Scheduled(initialDelayString = "${apexshare.catalog.retention.interval}",
            fixedDelayString = "${apexshare.catalog.retention.interval}")
    void scheduled() {
        try {
            int removed = expireDue();
            if (removed > 0) {
                LOG.info("Retention: {} uploads expired", removed);
            }
        } catch (RuntimeException e) {
            LOG.warn("Retention run failed; the next run retries: {}", e.toString());
        }
    }

    /** Expires every upload due now, batch by batch; returns how many were expired. */
    public int expireDue() {
        int total = 0;
        while (true) {
            Integer claimed = transaction.execute(status -> expireBatch());
            int count = claimed == null ? 0 : claimed;
            total += count;
            if (count < settings.batchSize()) {
                return total;
            }
        }
    }

    /** Returns how many uploads were claimed (not only expired), so that the caller knows whether more are due. */
    private int expireBatch() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<DueUploads.DueUpload> due = dueUploads.claim(now, settings.batchSize());
        List<UploadEvent.Deleted> deletions = new ArrayList<>(due.size());
        for (DueUploads.DueUpload upload : due) {
            try {
                if (upload.key() != null) {
                    objects.delete(upload.bucket() != null ? upload.bucket() : defaultBucket, upload.key());
                }
                deletions.add(new UploadEvent.Deleted(upload.fileId(), now, UploadEvent.Deleted.RETENTION_EXPIRED,
                        true));
            } catch (RuntimeException e) {
                failures.increment();
                LOG.warn("Retention: object of upload {} not deleted, retried next run: {}", upload.fileId(),
                        e.toString());
            }
        }
        if (!deletions.isEmpty()) {
            publisher.publish(deletions);
            ledger.apply(deletions);
            expired.increment(deletions.size());
        }
        // A batch where every object failed must not make the caller loop on the same uploads.
        return deletions.isEmpty() ? 0 : due.size();
    }
}
