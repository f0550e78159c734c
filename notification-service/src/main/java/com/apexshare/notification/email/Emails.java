package com.apexshare.notification.email;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code email} table: the owed emails, as a work queue shared by every replica. */
public interface Emails {

    /**
     * Inserts the student's link email unless it exists, if the upload is initiated, completed, not deleted and within
     * its retention; whether it inserted one.
     */
    boolean oweStudentLink(UUID fileId, Instant now);

    /**
     * Inserts the trainer's first-download email unless it exists, if the upload is initiated, downloaded, has a
     * trainer address, is not deleted and is within its retention; whether it inserted one.
     */
    boolean oweTrainerFirstDownload(UUID fileId, Instant now);

    /**
     * Inserts a student email of this kind and ref (a resend, a new-address email) unless it exists, if the upload is
     * initiated, completed, not deleted, its links not revoked and within its retention; whether it inserted one.
     */
    boolean oweStudentEmail(UUID fileId, EmailKind kind, String ref, Instant now);

    /**
     * Inserts the reminders now due (first link email sent between {@code sentFrom} and {@code sentUntil}, nobody
     * downloaded, allowed, links live), at most {@code max}, at most one per upload whoever else runs this at once.
     *
     * @return the uploads that got one from this call
     */
    List<UUID> oweDueReminders(Instant sentFrom, Instant sentUntil, Instant now, int max);

    /** Cancels the upload's unsent student emails but {@code keep} (null: all of them); how many. */
    int cancelPendingStudentEmails(UUID fileId, EmailId keep, String reason, Instant now);

    /**
     * Inserts the trainer's delivery-problem email unless it exists, if the upload has a trainer address, is not
     * deleted and is within its retention; whether it inserted one.
     */
    boolean oweTrainerDeliveryProblem(UUID fileId, Instant now);

    /** The email the provider knows by this reference, its row locked until the transaction ends. */
    Optional<Email> findLockedByProviderMessage(DeliveryReport.MessageReference reference);

    /** The email, unlocked. */
    Optional<Email> find(EmailId id);

    /**
     * Reserves up to {@code request.max()} due emails, oldest first, for one replica: they stay {@code PENDING}, carry
     * the lease id and become due again at the lease's end (rows another replica is leasing are skipped). A student's
     * email whose link is issued but not confirmed is not due, whatever its time.
     */
    List<EmailLease> lease(LeaseRequest request);

    /** The email, its row locked until the transaction ends. */
    Optional<Email> findLocked(EmailId id);

    /** The upload's {@code PENDING} emails, locked until the transaction ends. */
    List<Email> pendingOfLocked(UUID fileId);

    /** The upload's emails, oldest first. */
    List<Email> of(UUID fileId);

    long countPending();

    /** Student emails whose link was issued before {@code cutoff} and is not confirmed by download-service yet. */
    long countAwaitingLinkSince(Instant cutoff);

    /** Emails whose provider call started before {@code cutoff} and whose outcome was never recorded. */
    long countStuckSince(Instant cutoff);

    List<UUID> stuckSince(Instant cutoff, int limit);

    /**
     * @param max     most emails to reserve
     * @param leaseId names this reservation
     * @param now     due means {@code next_attempt_at <= now}
     * @param until   when the reservation ends
     */
    record LeaseRequest(int max, UUID leaseId, Instant now, Instant until) {
    }
}
