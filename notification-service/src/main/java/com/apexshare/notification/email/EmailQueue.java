package com.apexshare.notification.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owed emails as a work queue: each step is one short transaction that locks only the rows it changes, and none
 * of them calls a provider (the sender does that between {@link #claim} and its outcome, with no transaction open).
 * The state rules are {@link Email}'s; two replicas can never both move one email forward because each step locks the
 * row and checks it.
 */
@Service
class EmailQueue {

    private static final Logger LOG = LoggerFactory.getLogger(EmailQueue.class);

    private final Emails emails;
    private final Uploads uploads;
    private final EmailEvents events;
    private final StudentLinks links;
    private final Suppressions suppressions;
    private final EmailMetrics metrics;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    EmailQueue(Emails emails, Uploads uploads, EmailEvents events, StudentLinks links, Suppressions suppressions,
            EmailMetrics metrics, ApplicationEventPublisher publisher, Clock clock) {
        this.emails = emails;
        this.uploads = uploads;
        this.events = events;
        this.links = links;
        this.suppressions = suppressions;
        this.metrics = metrics;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Reserves up to {@code max} due emails for this replica, oldest first. The rows stay {@code PENDING}; their due
     * time moves to the end of the lease, so that a replica that dies before sending them only delays them by it.
     */
    @Transactional
    List<EmailLease> lease(int max, Duration lease) {
        Instant now = clock.instant();
        return emails.lease(new Emails.LeaseRequest(max, UUID.randomUUID(), now, now.plus(lease)));
    }

    /**
     * Moves a leased email to {@code SENDING} right before the provider call, with the data to write it. Empty when
     * the lease was lost (another replica took the email after the lease ended) or the upload is gone meanwhile
     * (deleted, retention passed), in which case the email is cancelled, or the recipient's address is on the
     * suppression list, in which case it is suppressed (announced, and the trainer told, for the student's email).
     */
    @Transactional
    Optional<ClaimedEmail> claim(EmailLease lease) {
        Instant now = clock.instant();
        Optional<Email> found = emails.findLocked(lease.id()).filter(email -> email.isLeasedBy(lease.leaseId()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Email email = found.get();
        Optional<KnownUpload> known = uploads.find(lease.fileId());
        if (known.isEmpty() || !known.get().emailable(now)) {
            email.cancel("UPLOAD_GONE", now);
            return Optional.empty();
        }
        KnownUpload upload = known.get();
        if (!upload.allows(email.kind(), now)) {
            // Revoked links, or a reminder no longer wanted (downloaded meanwhile, switched off).
            email.cancel(upload.linksRevokedAt() != null ? "LINKS_REVOKED" : "NOT_NEEDED", now);
            return Optional.empty();
        }
        String recipient = ClaimedEmail.recipientOf(email.kind(), upload.facts());
        Optional<SuppressionReason> suppressed = recipient == null ? Optional.empty()
                : suppressions.reasonFor(recipient);
        if (suppressed.isPresent()) {
            suppress(email, suppressed.get(), now);
            return Optional.empty();
        }
        if (email.needsLink()) {
            // A reminder (owed by its job), or owed before links were confirmed: issue its link now; it becomes due
            // when download-service confirms it.
            links.issue(email, upload, now);
            return Optional.empty();
        }
        if (!email.mayLeave()) {
            return Optional.empty();
        }
        email.claim(now);
        DeliveryState studentDelivery = null;
        BounceType studentBounce = null;
        if (email.kind() == EmailKind.TRAINER_DELIVERY_PROBLEM) {
            Optional<Email> student = emails.find(new EmailId(email.fileId(), EmailKind.STUDENT_LINK));
            studentDelivery = student.map(Email::deliveryState).orElse(null);
            studentBounce = student.map(Email::bounceType).orElse(null);
        }
        int generation = email.linkGeneration() == null ? upload.linkGeneration() : email.linkGeneration();
        return Optional.of(new ClaimedEmail(email.fileId(), email.kind(), email.attempts(), upload.facts(),
                upload.firstDownloadedAt(), studentDelivery, studentBounce, email.ref(), generation,
                email.linkToken()));
    }

    private void suppress(Email email, SuppressionReason reason, Instant now) {
        DeliveryChange change = email.suppress(reason, now);
        metrics.suppressed(email.kind());
        LOG.info("The {} email of upload {} was not sent: its address is on the suppression list ({})", email.kind(),
                email.fileId(), reason);
        if (email.kind().toStudent()) {
            // EmailFailed too: consumers that know nothing of delivery reports still learn the email will not come.
            events.emailFailed(email.fileId(), FailureReason.RECIPIENT_REJECTED,
                    "not sent: the address is suppressed after an earlier " + (reason == SuppressionReason.COMPLAINT
                            ? "complaint" : "hard bounce"), now);
            events.emailDeliveryReported(email.fileId(), change);
            if (emails.oweTrainerDeliveryProblem(email.fileId(), now)) {
                publisher.publishEvent(new EmailQueued(email.fileId()));
            }
        }
    }

    /** The provider accepted the email: recorded together with its event, in one transaction. */
    @Transactional
    boolean markSent(ClaimedEmail claimed, Delivery delivery) {
        Optional<Email> email = sending(claimed);
        email.ifPresent(e -> {
            e.markSent(delivery, clock.instant());
            if (e.kind().toStudent()) {
                events.emailSent(e.fileId(), e.kind(), delivery);
            }
        });
        return email.isPresent();
    }

    /** A transient failure: the email becomes due again at {@code nextAttemptAt}. */
    @Transactional
    void markRetry(ClaimedEmail claimed, Instant nextAttemptAt, String error) {
        sending(claimed).ifPresent(e -> e.retryAt(nextAttemptAt, error, clock.instant()));
    }

    /** Given up for good: recorded together with its event (student emails), in one transaction. */
    @Transactional
    void markFailed(ClaimedEmail claimed, FailureReason reason, String error) {
        Instant now = clock.instant();
        sending(claimed).ifPresent(e -> {
            e.markFailed(reason, error, now);
            if (e.kind().toStudent()) {
                events.emailFailed(e.fileId(), reason, error, now);
            }
        });
    }

    /** The claimed email if it is still {@code SENDING} (an operator may have closed it meanwhile). */
    private Optional<Email> sending(ClaimedEmail claimed) {
        return emails.findLocked(claimed.id()).filter(e -> e.status() == EmailStatus.SENDING);
    }
}
