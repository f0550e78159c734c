package com.apexshare.notification.email;

import static com.apexshare.notification.email.Sql.ts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.apexshare.notification.NotificationProperties;

/**
 * Housekeeping: reports emails stuck in {@code SENDING} (the at-most-once window, see {@link EmailSender}) and the
 * backlog as gauges, and removes uploads (with their personal data) some time after their retention ended.
 */
@Component
class EmailMaintenance {

    private static final Logger LOG = LoggerFactory.getLogger(EmailMaintenance.class);

    private final EmailQueue queue;
    private final EmailMetrics metrics;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final NotificationProperties properties;

    EmailMaintenance(EmailQueue queue, EmailMetrics metrics, JdbcClient jdbc, Clock clock,
            NotificationProperties properties) {
        this.queue = queue;
        this.metrics = metrics;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(fixedDelay = 15_000, initialDelay = 1_000)
    void refreshGauges() {
        Instant cutoff = clock.instant().minus(properties.stuckAfter());
        long stuck = queue.countStuckSince(cutoff);
        metrics.stuck(stuck);
        metrics.pending(queue.countPending());
        if (stuck > 0) {
            List<UUID> first = queue.stuckSince(cutoff, 10);
            LOG.warn("{} email(s) are stuck in SENDING since before {}: the provider may or may not have accepted "
                    + "them; check the provider's log and re-queue or close them (README, 'Stuck emails'). First: {}",
                    stuck, cutoff, first);
        }
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void purgeExpired() {
        Instant now = clock.instant();
        int purged = jdbc.sql("""
                DELETE FROM upload
                WHERE retention_until < :cutoff
                   OR (retention_until IS NULL AND updated_at < :orphanCutoff)
                """)
                .param("cutoff", ts(now.minus(properties.purgeAfter())))
                // Events of an upload whose UploadInitiated never came: kept long enough for any late arrival.
                .param("orphanCutoff", ts(now.minus(properties.purgeAfter()).minus(java.time.Duration.ofDays(90))))
                .update();
        if (purged > 0) {
            LOG.info("Purged {} upload(s) past their retention", purged);
        }
    }
}
