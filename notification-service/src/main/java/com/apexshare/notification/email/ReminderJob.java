package com.apexshare.notification.email;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.apexshare.notification.NotificationProperties;

/**
 * Owes the one reminder to students who have not downloaded {@code reminders.after} (48 h) after their first link
 * email. Every replica runs it; the reminder's row in {@code email} (key {@code (file_id, STUDENT_REMINDER, '')},
 * inserted with {@code ON CONFLICT DO NOTHING}) is the claim, so replicas running at once, runs repeated and restarts
 * owe each reminder once. The dispatcher then sends it like any email, and cancels it if the student downloads, the
 * trainer switches reminders off or revokes the links before it leaves. Reminders more than {@code late-limit}
 * overdue are not sent (a job that was off, a deployment that just enabled it). Uses the service's {@link Clock}.
 */
@Component
@ConditionalOnProperty(name = "apexshare.notification.reminders.enabled", havingValue = "true", matchIfMissing = true)
public class ReminderJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderJob.class);

    private final Emails emails;
    private final Clock clock;
    private final NotificationProperties.Reminders settings;
    private final ApplicationEventPublisher publisher;

    ReminderJob(Emails emails, Clock clock, NotificationProperties properties, ApplicationEventPublisher publisher) {
        this.emails = emails;
        this.clock = clock;
        this.settings = properties.reminders();
        this.publisher = publisher;
    }

    @Scheduled(initialDelayString = "${apexshare.notification.reminders.interval}",
            fixedDelayString = "${apexshare.notification.reminders.interval}")
    void scheduled() {
        try {
            oweDue();
        } catch (RuntimeException e) {
            LOG.warn("Reminder run failed; the next run tries again: {}", e.toString());
        }
    }

    /** Owes every reminder due now, batch by batch; how many this call owed. */
    @Transactional
    public int oweDue() {
        Instant now = clock.instant();
        Instant sentUntil = now.minus(settings.after());
        Instant sentFrom = sentUntil.minus(settings.lateLimit());
        int total = 0;
        List<UUID> owed;
        do {
            owed = emails.oweDueReminders(sentFrom, sentUntil, now, settings.batchSize());
            owed.forEach(fileId -> publisher.publishEvent(new EmailQueued(fileId)));
            total += owed.size();
        } while (owed.size() == settings.batchSize());
        if (total > 0) {
            LOG.info("{} reminder email(s) queued for students who have not downloaded", total);
        }
        return total;
    }
}
