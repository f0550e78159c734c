package com.apexshare.upload.upload;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.apexshare.upload.UploadProperties;

/**
 * Aborts multipart uploads (and single-PUT sessions) nobody finished within
 * {@code apexshare.upload.housekeeping.stale-after}, publishing {@code UploadDeleted(ABORTED)} for each, and finishes
 * aborts whose claimant died before settling them. Every replica runs it; SKIP LOCKED shares the rows between them.
 * Production buckets also get S3's own {@code AbortIncompleteMultipartUpload} lifecycle rule as a backstop (see the
 * module README).
 */
@Component
@ConditionalOnProperty(name = "apexshare.upload.housekeeping.enabled", havingValue = "true", matchIfMissing = true)
class StaleUploadJanitor {

    private static final Logger LOG = LoggerFactory.getLogger(StaleUploadJanitor.class);

    private final UploadAborter uploads;
    private final TrainerActions actions;
    private final UploadProperties.Housekeeping settings;
    private final Clock clock;

    StaleUploadJanitor(UploadAborter uploads, TrainerActions actions, UploadProperties properties, Clock clock) {
        this.uploads = uploads;
        this.actions = actions;
        this.settings = properties.housekeeping();
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${apexshare.upload.housekeeping.interval}",
            fixedDelayString = "${apexshare.upload.housekeeping.interval}")
    void run() {
        try {
            int total = abortStale();
            if (total > 0) {
                LOG.info("Housekeeping aborted {} stale upload(s)", total);
            }
            int deletes = finishStalledDeletes();
            if (deletes > 0) {
                LOG.info("Housekeeping finished {} stalled trainer delete(s)", deletes);
            }
            actions.purgeActionLog();
        } catch (RuntimeException e) {
            LOG.warn("Housekeeping run failed; the next run tries again: {}", e.toString());
        }
    }

    /** Trainer deletes claimed longer than the abort lease ago and never settled, batch by batch. */
    int finishStalledDeletes() {
        Instant cutoff = clock.instant().minus(settings.abortLease());
        int total = 0;
        int batch;
        do {
            batch = actions.finishStalledDeletes(cutoff, settings.batchSize());
            total += batch;
        } while (batch == settings.batchSize());
        return total;
    }

    /** One pass over every stale upload, batch by batch. */
    int abortStale() {
        Instant cutoff = clock.instant().minus(settings.staleAfter());
        int total = 0;
        int batch;
        do {
            batch = uploads.abortStale(cutoff, settings.batchSize());
            total += batch;
        } while (batch == settings.batchSize());
        return total;
    }
}
