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
 * <p>Exactly one email per upload and reason comes from the {@code email} table's primary key
 * {@code (file_id, kind, ref)}: a row is inserted with {@code ON CONFLICT DO NOTHING} once all its conditions hold,
 * however often they are re-checked. Every student email gets its link in the same transaction. Two
 * events of one upload processed at once (different topics, different consumers) both lock the upload row in their
 * upsert, so the second sees the first's committed change and at least one of them inserts the row.
 */
@Service
public class UploadLedger {

    private static final Logger LOG = LoggerFactory.getLogger(UploadLedger.class);

    private final Uploads uploads;
    private final Emails emails;
    private final Suppressions suppressions;
    private final Clock clock;
    private final boolean trainerNotification;
    private final ApplicationEventPublisher publisher;
    private final StudentLinks links;
    private final EmailMetrics metrics;

    UploadLedger(Uploads uploads, Emails emails, Suppressions suppressions, Clock clock,
            NotificationProperties properties, ApplicationEventPublisher publisher, StudentLinks links,
            EmailMetrics metrics) {
        this.uploads = uploads;
        this.emails = emails;
        this.suppressions = suppressions;
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

    /**
     * {@code StudentEmailResent}: one more link email, once per request (its event id is the email's ref, so a
     * redelivered request sends nothing more). Nothing is sent for a deleted upload, revoked links or an upload this
     * service has not seen completed (the upload service only accepts resends of completed uploads).
     */
    @Transactional
    public void recordResent(UUID fileId, String requestId) {
        Instant now = clock.instant();
        if (emails.oweStudentEmail(fileId, EmailKind.STUDENT_RESEND, requestId, now)) {
            issueLink(new EmailId(fileId, EmailKind.STUDENT_RESEND, requestId), now);
            LOG.info("Upload {}: the student's email is resent at the trainer's request", fileId);
            publisher.publishEvent(new EmailQueued(fileId));
        }
    }

    /**
     * {@code StudentAddressChanged}: the new address gets a link email of the new generation (once per generation);
     * unsent emails to the old address are cancelled. The trainer vouches for the new address, so a suppression of it
     * (an earlier hard bounce or complaint) is lifted: the email to it leaves.
     */
    @Transactional
    public void recordAddressChanged(UUID fileId, String studentEmail, String studentName, int linkGeneration) {
        Instant now = clock.instant();
        if (!uploads.recordAddressChanged(fileId, studentEmail, studentName, linkGeneration, now)) {
            LOG.debug("Upload {}: address change of generation {} is not the latest; ignored", fileId, linkGeneration);
            return;
        }
        EmailId newAddress = new EmailId(fileId, EmailKind.STUDENT_NEW_ADDRESS, Integer.toString(linkGeneration));
        int cancelled = emails.cancelPendingStudentEmails(fileId, newAddress, "ADDRESS_CHANGED", now);
        if (suppressions.lift(studentEmail, now)) {
            LOG.info("Upload {}: the corrected address was on the suppression list; lifted", fileId);
        }
        if (emails.oweStudentEmail(fileId, newAddress.kind(), newAddress.ref(), now)) {
            issueLink(newAddress, now);
            LOG.info("Upload {}: the student's address was corrected; a new link email is queued ({} unsent cancelled)",
                    fileId, cancelled);
            publisher.publishEvent(new EmailQueued(fileId));
        }
    }

    /** {@code UploadExpiryChanged}: emails written from now on show the new end; none leaves after it. */
    @Transactional
    public void recordExpiryChanged(UUID fileId, Instant expiresAt, long revision) {
        uploads.recordExpiryChanged(fileId, expiresAt, revision, clock.instant());
    }

    /** {@code LinkRevoked}: no more student email about the upload; unsent ones are cancelled. */
    @Transactional
    public void recordLinksRevoked(UUID fileId, Instant revokedAt) {
        Instant now = clock.instant();
        uploads.recordLinksRevoked(fileId, revokedAt, now);
        int cancelled = emails.cancelPendingStudentEmails(fileId, null, "LINKS_REVOKED", now);
        if (cancelled > 0) {
            LOG.info("Upload {}: links revoked, {} unsent student email(s) cancelled", fileId, cancelled);
        }
    }

    /** {@code ReminderSettingChanged}. */
    @Transactional
    public void recordRemindersChanged(UUID fileId, boolean enabled, long revision) {
        uploads.recordRemindersChanged(fileId, enabled, revision, clock.instant());
    }

    private void oweEmailsIfDue(UUID fileId) {
        Instant now = clock.instant();
        if (emails.oweStudentLink(fileId, now)) {
            issueLink(new EmailId(fileId, EmailKind.STUDENT_LINK), now);
            LOG.info("Upload {} is complete: student email queued", fileId);
            publisher.publishEvent(new EmailQueued(fileId));
        }
        if (trainerNotification && emails.oweTrainerFirstDownload(fileId, now)) {
            LOG.info("Upload {} was downloaded for the first time: trainer email queued", fileId);
            publisher.publishEvent(new EmailQueued(fileId));
        }
    }

    /**
     * Every student email carries a link: it is issued with the owed email (in its transaction, of the upload's current
     * link generation), and the email is due once download-service confirms it ({@code LinkActivated}).
     */
    private void issueLink(EmailId id, Instant now) {
        Optional<Email> email = emails.findLocked(id);
        Optional<KnownUpload> upload = uploads.find(id.fileId());
        if (email.isPresent() && upload.isPresent() && email.get().needsLink()) {
            links.issue(email.get(), upload.get(), now);
        }
    }
}
