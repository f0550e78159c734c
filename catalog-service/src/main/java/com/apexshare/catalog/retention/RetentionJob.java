package com.apexshare.catalog.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.apexshare.catalog.CatalogProperties;
import com.apexshare.events.storage.ObjectLocations;
import com.apexshare.catalog.upload.UploadEvent;
import com.apexshare.catalog.upload.UploadLedger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Removes uploads at the end of their retention period, batch by batch, in three steps so that no S3 call and no wait
 * for Kafka ever happens while a database transaction holds row locks:
 * <ol>
 * <li><em>claim</em> due uploads in a short transaction (SKIP LOCKED, so replicas share the work and never wait on a
 * poll being applied), leased for {@code apexshare.catalog.retention.lease};</li>
 * <li>with no transaction open, delete their objects and publish {@code UploadDeleted(RETENTION_EXPIRED)}, waiting for
 * the broker's acknowledgement;</li>
 * <li><em>settle</em>: fold the same events into the catalog through the ledger (the same path as consumed events, so
 * a replay of the topics rebuilds exactly this state).</li>
 * </ol>
 * A run that dies between the steps loses nothing: its claims lapse and a later run repeats the batch (deleting an
 * object twice and a duplicate event are both harmless; the published event also comes back through the consumer).
 * If Kafka does not acknowledge, the batch's claims are given back and the run ends; the next run repeats it. An
 * object whose deletion fails is counted, given back at the end of the run and retried by the next one, without
 * holding up the others. Retention never deletes an object outside the configured bucket or the upload's own key.
 */
@Component
@ConditionalOnProperty(name = "apexshare.catalog.retention.enabled", havingValue = "true", matchIfMissing = true)
public class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final ExpiringUploads uploads;
    private final ObjectStore objects;
    private final DeletionPublisher publisher;
    private final UploadLedger ledger;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final CatalogProperties.Retention settings;
    private final ObjectLocations locations;
    private final MeterRegistry meters;
    private final Counter expired;
    private final Counter failures;

    RetentionJob(RetentionPorts ports, TransactionTemplate transactions, Clock clock, CatalogProperties properties,
            ObjectLocations locations, MeterRegistry meters) {
        this.uploads = ports.uploads();
        this.objects = ports.objects();
        this.publisher = ports.publisher();
        this.ledger = ports.ledger();
        this.transactions = transactions;
        this.clock = clock;
        this.settings = properties.retention();
        this.locations = locations;
        this.meters = meters;
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
            LOG.warn("Retention run failed; its claims are given back or lapse, and the next run retries: {}",
                    e.toString());
        }
    }

    /** Expires every upload due now, batch by batch; returns how many were expired. */
    public int expireDue() {
        int total = 0;
        Set<UUID> failed = new LinkedHashSet<>();
        while (true) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            List<ExpiringUpload> batch = transactions.execute(status -> claim(now));
            if (batch == null || batch.isEmpty()) {
                break;
            }
            List<UploadEvent.Deleted> deletions = deleteObjects(batch, now, failed);
            if (!deletions.isEmpty()) {
                try {
                    publisher.publish(deletions);
                } catch (RuntimeException e) {
                    batch.forEach(upload -> failed.add(upload.fileId()));
                    release(failed);
                    throw e;
                }
                ledger.apply(deletions);
                expired.increment(deletions.size());
                total += deletions.size();
            }
            // Failed uploads stay claimed until the end of the run, so the next batch does not meet them again.
            if (batch.size() < settings.batchSize()) {
                break;
            }
        }
        release(failed);
        return total;
    }

    private List<ExpiringUpload> claim(Instant now) {
        List<ExpiringUpload> due = uploads.lockClaimable(now, settings.batchSize());
        due.forEach(upload -> upload.claim(now, settings.lease()));
        return due;
    }

    /** Deletes each object; returns the deletions to announce, and collects the failed uploads in {@code failed}. */
    private List<UploadEvent.Deleted> deleteObjects(List<ExpiringUpload> batch, Instant now, Set<UUID> failed) {
        List<UploadEvent.Deleted> deletions = new ArrayList<>(batch.size());
        for (ExpiringUpload upload : batch) {
            try {
                if (upload.objectKey() != null) {
                    deleteIfOwn(upload);
                }
                deletions.add(new UploadEvent.Deleted(upload.fileId(), now, UploadEvent.Deleted.RETENTION_EXPIRED,
                        true));
            } catch (RuntimeException e) {
                failures.increment();
                failed.add(upload.fileId());
                LOG.warn("Retention: object of upload {} not deleted, retried next run: {}", upload.fileId(),
                        e.toString());
            }
        }
        return deletions;
    }

    /**
     * Deletes the upload's object only where it may be: in the configured bucket under the upload's own key. The
     * listeners refuse initiations naming anything else, so only a row recorded before that check could; its object is
     * left alone (counted, logged with the file id only) and the upload still expires, so its link stops working and
     * its personal data goes. An operator removes the real object by hand (docs/operations.md).
     */
    private void deleteIfOwn(ExpiringUpload upload) {
        String bucket = upload.bucket() != null ? upload.bucket() : locations.bucket();
        Optional<ObjectLocations.Violation> violation = locations.check(upload.fileId(), bucket, upload.objectKey());
        if (violation.isPresent()) {
            Counter.builder("catalog.retention.refused")
                    .description("Objects retention did not delete because they are not the upload's own")
                    .tag("reason", violation.get().name().toLowerCase(Locale.ROOT)).register(meters).increment();
            LOG.warn("Retention: upload {} names an object that is not its own ({}); object left alone, upload "
                    + "expired", upload.fileId(), violation.get());
            return;
        }
        objects.delete(bucket, upload.objectKey());
    }

    private void release(Collection<UUID> fileIds) {
        if (!fileIds.isEmpty()) {
            transactions.executeWithoutResult(status -> uploads.lock(fileIds).forEach(ExpiringUpload::release));
        }
    }
}
