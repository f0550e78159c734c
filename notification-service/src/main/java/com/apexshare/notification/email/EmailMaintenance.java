package com.apexshare.notification.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.apexshare.notification.NotificationProperties;

/**
 * Housekeeping: reports emails stuck in {@code SENDING} (the at-most-once window, see {@link EmailSender}) and the
 * backlog as gauges, and removes uploads (with their personal data) some time after their retention ended.
 */
@Component
class EmailMaintenance {

    private static final Logger LOG = LoggerFactory.getLogger(EmailMaintenance.class);

    private final Emails emails;
    private final EmailMetrics metrics;
    private final Uploads uploads;
    private final Clock clock;
    private final NotificationProperties properties;

    EmailMaintenance(Emails emails, EmailMetrics metrics, Uploads uploads, Clock clock,
            NotificationProperties properties) {
        this.emails = emails;
        this.metrics = metrics;
        this.uploads = uploads;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(fixedDelay = 15_000, initialDelay = 1_000)
    void refreshGauges() {
        Instant cutoff = clock.instant().minus(properties.stuckAfter());
        long stuck = emails.countStuckSince(cutoff);
        metrics.stuck(stuck);
        metrics.pending(emails.countPending());
        long awaiting = emails.countAwaitingLinkSince(cutoff);
        metrics.awaitingLink(awaiting);
        if (awaiting > 0) {
            LOG.warn("{} student email(s) wait since before {} for download-service to confirm their link "
                    + "(LinkActivated): is download-service consuming apexshare.link-issued.v1, and does it know the "
                    + "upload as complete? (docs/operations.md)", awaiting, cutoff);
        }
        if (stuck > 0) {
            List<UUID> first = emails.stuckSince(cutoff, 10);
            LOG.warn("{} email(s) are stuck in SENDING since before {}: the provider may or may not have accepted "
                    + "them; check the provider's log and re-queue or close them (README, 'Stuck emails'). First: {}",
                    stuck, cutoff, first);
        }
    }

    /** One statement in a transaction of its own: the uploads and, by the foreign key's cascade, their emails. */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    @Transactional
    void purgeExpired() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(properties.purgeAfter());
        // Events of an upload whose UploadInitiated never came: kept long enough for any late arrival.
        int purged = uploads.purge(cutoff, cutoff.minus(Duration.ofDays(90)));
        if (purged > 0) {
            LOG.info("Purged {} upload(s) past their retention", purged);
        }
    }
}
