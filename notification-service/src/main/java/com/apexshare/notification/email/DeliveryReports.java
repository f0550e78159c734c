package com.apexshare.notification.email;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the providers' delivery reports (SES events, bounce-mailbox DSNs) to the emails they are about, each in one
 * short transaction on the email's locked row: the state moves forward or not at all ({@link Email#report}), and
 * only a move is announced ({@code EmailDeliveryReported}, through the outbox in the same transaction). A hard bounce
 * or a complaint puts the recipient's address on the suppression list; a hard bounce, a complaint or a rejection of
 * the student's email owes the trainer one delivery-problem email. Repeats, late and reordered reports and several
 * replicas reading the same mailbox therefore change nothing twice.
 */
@Service
public class DeliveryReports {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryReports.class);

    private final Emails emails;
    private final Uploads uploads;
    private final Suppressions suppressions;
    private final EmailEvents events;
    private final EmailMetrics metrics;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    DeliveryReports(Emails emails, Uploads uploads, Suppressions suppressions, EmailEvents events,
            EmailMetrics metrics, ApplicationEventPublisher publisher, Clock clock) {
        this.emails = emails;
        this.uploads = uploads;
        this.suppressions = suppressions;
        this.events = events;
        this.metrics = metrics;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** What a report did. */
    public enum Outcome {
        /** It moved the email's delivery state. */
        APPLIED,
        /** The email is known, the report changes nothing (a repeat, late, or the state is final). */
        UNCHANGED,
        /** No email of ours carries this provider message id (another sender's, or purged). */
        NO_MATCH
    }

    @Transactional
    public Outcome record(DeliveryReport report) {
        Instant now = clock.instant();
        Optional<Email> found = emails.findLockedByProviderMessage(report.reference());
        if (found.isEmpty()) {
            metrics.deliveryReport(report.source(), "no_match", report.state());
            LOG.info("A {} report ({}) names no email of ours: message {}", report.state(), report.source(),
                    report.reference());
            return Outcome.NO_MATCH;
        }
        Email email = found.get();
        Optional<DeliveryChange> moved = email.report(report, now);
        if (moved.isEmpty()) {
            metrics.deliveryReport(report.source(), "unchanged", report.state());
            LOG.debug("The {} report on the {} email of upload {} changes nothing (now {})", report.state(),
                    email.kind(), email.fileId(), email.deliveryState());
            return Outcome.UNCHANGED;
        }
        DeliveryChange change = moved.get();
        metrics.deliveryReport(report.source(), "applied", report.state());
        LOG.info("The {} email of upload {} is now {}{} ({}, {})", email.kind(), email.fileId(), change.state(),
                change.bounceType() == null ? "" : " " + change.bounceType(), change.source(), change.diagnostic());
        SuppressionReason reason = change.suppressionReason();
        if (reason != null) {
            uploads.find(email.fileId()).map(u -> ClaimedEmail.recipientOf(email.kind(), u.facts()))
                    .ifPresent(address -> suppressions.suppress(address, reason, email.fileId(), change.reportedAt()));
        }
        if (email.kind() == EmailKind.STUDENT_LINK) {
            events.emailDeliveryReported(email.fileId(), change);
            if (change.needsTrainerAttention() && emails.oweTrainerDeliveryProblem(email.fileId(), now)) {
                LOG.info("Upload {}: the trainer is told that the student's email {}", email.fileId(),
                        change.state());
                publisher.publishEvent(new EmailQueued(email.fileId()));
            }
        }
        return Outcome.APPLIED;
    }

    /**
     * Takes an address off the suppression list (the trainer confirmed or corrected it; an operator): emails to it
     * leave again. Whether it was listed. For the trainer actions of issue 16 and for operators.
     */
    @Transactional
    public boolean liftSuppression(String address) {
        boolean lifted = suppressions.lift(address, clock.instant());
        if (lifted) {
            LOG.info("An address was taken off the suppression list");
        }
        return lifted;
    }
}
