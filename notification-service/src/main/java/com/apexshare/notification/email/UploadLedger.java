package com.apexshare.notification.email;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.apexshare.notification.NotificationProperties;

/**
 * Records the upload events and decides, after each one, whether an email is now owed. Each method is one transaction
 * and idempotent: events may arrive twice, late, or out of order across topics.
 *
 * <p>Exactly one email per upload comes from the {@code email} table's primary key {@code (file_id, kind)}: a row is
 * inserted with {@code ON CONFLICT DO NOTHING} once all its conditions hold, however often they are re-checked. Two
 * events of one upload processed at once (different topics, different consumers) both lock the upload row in their
 * upsert, so the second sees the first's committed change and at least one of them inserts the row.
 */
@Service
public class UploadLedger {

    private static final Logger LOG = LoggerFactory.getLogger(UploadLedger.class);

    private final Uploads uploads;
    private final Emails emails;
    private final Clock clock;
    private final boolean trainerNotification;
    private final ApplicationEventPublisher publisher;
    private final StudentLinks links;
    private final EmailMetrics metrics;

    UploadLedger(Uploads uploads, Emails emails, Clock clock, NotificationProperties properties,
            ApplicationEventPublisher publisher, StudentLinks links, EmailMetrics metrics) {
        this.uploads = uploads;
        this.emails = emails;
        this.links = links;
        this.metrics = metrics;
        this.clock = clock;
        this.trainerNotification = properties.trainerNotification().enabled();
        this.publisher = publisher;
    }

    /**
     * {@code UploadInitiated}: keeps the data the emails need; never revives a deleted upload. The first initiation's
     * facts stay: a later one with other facts (whatever its time) could otherwise redirect the student's email.
     *
     * @throws ConflictingUploadFacts when the upload's first initiation had other facts (counted, dead-lettered)
     */
    @Transactional
    public void recordInitiated(UploadFacts facts) {
        if (!uploads.recordInitiated(facts, clock.instant())) {
            metrics.rejected("UploadInitiated", "conflicting_facts");
            LOG.warn("Rejected UploadInitiated of upload {} (conflicting_facts); it goes to the dead-letter topic",
                    facts.fileId());
            throw new ConflictingUploadFacts(facts.fileId());
        }
        oweEmailsIfDue(facts.fileId());
    }

    /** {@code UploadCompleted}, once or many times. */
    @Transactional
    public void recordCompleted(UUID fileId, Instant completedAt) {
        uploads.recordCompleted(fileId, completedAt, clock.instant());
        oweEmailsIfDue(fileId);
    }

    /**
     * {@code UploadDeleted}: the upload is gone, so no email about it may leave any more. Its personal data is scrubbed
     * at once; the row stays as a tombstone (until its purge) so that a late event cannot bring the upload back.
     */
    @Transactional
    public void recordDeleted(UploadDeletion deletion) {
        Instant now = clock.instant();
        uploads.recordDeleted(deletion, now);
        List<Email> pending = emails.pendingOfLocked(deletion.fileId());
        pending.forEach(email -> email.cancel("UPLOAD_DELETED", now));
        if (!pending.isEmpty()) {
            LOG.info("Upload {} deleted ({}): {} unsent email(s) cancelled", deletion.fileId(), deletion.reason(),
                    pending.size());
        }
    }

    /** {@code Downloaded}: only the first download matters here (it may arrive before anything else). */
    @Transactional
    public void recordDownloaded(UUID fileId, Instant downloadedAt) {
        uploads.recordDownloaded(fileId, downloadedAt, clock.instant());
        oweEmailsIfDue(fileId);
    }

    private void oweEmailsIfDue(UUID fileId) {
        Instant now = clock.instant();
        if (emails.oweStudentLink(fileId, now)) {
            // The link is issued with the owed email; the email is due once download-service confirms it.
            Optional<Email> email = emails.findLocked(new EmailId(fileId, EmailKind.STUDENT_LINK));
            Optional<KnownUpload> upload = uploads.find(fileId);
            if (email.isPresent() && upload.isPresent()) {
                links.issue(email.get(), upload.get().facts(), now);
            }
            LOG.info("Upload {} is complete: student email queued", fileId);
            publisher.publishEvent(new EmailQueued(fileId));
        }
        if (trainerNotification && emails.oweTrainerFirstDownload(fileId, now)) {
            LOG.info("Upload {} was downloaded for the first time: trainer email queued", fileId);
            publisher.publishEvent(new EmailQueued(fileId));
        }
    }
}
