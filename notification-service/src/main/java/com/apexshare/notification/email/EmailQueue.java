package com.apexshare.notification.email;

import static com.apexshare.notification.email.Sql.instant;
import static com.apexshare.notification.email.Sql.ts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code email} table as a work queue. Every state change is a conditional {@code UPDATE} on the row, so two
 * replicas (or a replica and an event listener) can never both move one email forward.
 */
@Repository
class EmailQueue {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final EmailEvents events;

    EmailQueue(JdbcClient jdbc, Clock clock, EmailEvents events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Reserves up to {@code max} due emails for this replica, oldest first. The rows stay {@code PENDING}; their
     * {@code next_attempt_at} moves to the end of the lease, so that a replica that dies before sending them only delays
     * them by the lease.
     */
    @Transactional
    List<EmailLease> lease(int max, Duration lease) {
        Instant now = clock.instant();
        UUID leaseId = UUID.randomUUID();
        return jdbc.sql("""
                WITH due AS (
                    SELECT file_id, kind FROM email
                    WHERE status = 'PENDING' AND next_attempt_at <= :now
                    ORDER BY next_attempt_at
                    LIMIT :max
                    FOR UPDATE SKIP LOCKED)
                UPDATE email e SET lease_id = :leaseId, next_attempt_at = :leaseUntil, updated_at = :now
                FROM due WHERE e.file_id = due.file_id AND e.kind = due.kind
                RETURNING e.file_id, e.kind
                """)
                .param("now", ts(now))
                .param("max", max)
                .param("leaseId", leaseId)
                .param("leaseUntil", ts(now.plus(lease)))
                .query((rs, n) -> new EmailLease(rs.getObject("file_id", UUID.class),
                        EmailKind.valueOf(rs.getString("kind")), leaseId))
                .list();
    }

    /**
     * Moves a leased email to {@code SENDING} right before the provider call, with the data to write it. Empty when
     * the lease was lost (another replica took the email after the lease ended) or the upload is gone meanwhile
     * (deleted, retention passed), in which case the email is cancelled.
     */
    @Transactional
    Optional<ClaimedEmail> claim(EmailLease lease) {
        Instant now = clock.instant();
        Optional<Integer> attempt = jdbc.sql("""
                UPDATE email SET status = 'SENDING', claimed_at = :now, attempts = attempts + 1, lease_id = NULL,
                                 updated_at = :now
                WHERE file_id = :fileId AND kind = :kind AND status = 'PENDING' AND lease_id = :leaseId
                  AND EXISTS (SELECT 1 FROM upload u WHERE u.file_id = email.file_id
                              AND u.deleted_at IS NULL AND u.retention_until > :now)
                RETURNING attempts
                """)
                .param("now", ts(now))
                .param("fileId", lease.fileId())
                .param("kind", lease.kind().name())
                .param("leaseId", lease.leaseId())
                .query(Integer.class)
                .optional();
        if (attempt.isEmpty()) {
            jdbc.sql("""
                    UPDATE email SET status = 'CANCELLED', failure_reason = 'UPLOAD_GONE', lease_id = NULL,
                                     updated_at = :now
                    WHERE file_id = :fileId AND kind = :kind AND status = 'PENDING' AND lease_id = :leaseId
                    """)
                    .param("now", ts(now))
                    .param("fileId", lease.fileId())
                    .param("kind", lease.kind().name())
                    .param("leaseId", lease.leaseId())
                    .update();
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT * FROM upload WHERE file_id = :fileId")
                .param("fileId", lease.fileId())
                .query((rs, n) -> new ClaimedEmail(lease.fileId(), lease.kind(), attempt.get(),
                        new UploadFacts(lease.fileId(), instant(rs, "initiated_at"), rs.getString("trainer_id"),
                                rs.getString("trainer_name"), rs.getString("trainer_email"),
                                rs.getString("student_email"), rs.getString("student_name"),
                                rs.getObject("session_date", LocalDate.class), rs.getString("notes"),
                                rs.getString("file_name"), rs.getLong("file_size"), instant(rs, "retention_until")),
                        instant(rs, "first_downloaded_at")))
                .single());
    }

    /** The provider accepted the email: recorded together with its event, in one transaction. */
    @Transactional
    boolean markSent(ClaimedEmail email, Delivery delivery, String transport) {
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                UPDATE email SET status = 'SENT', sent_at = :sentAt, transport = :transport,
                                 provider_message_id = :messageId, link_token_sha256 = :sha,
                                 link_expires_at = :linkExpiresAt, last_error = NULL, updated_at = :now
                WHERE file_id = :fileId AND kind = :kind AND status = 'SENDING'
                """)
                .param("sentAt", ts(delivery.acceptedAt()))
                .param("transport", transport)
                .param("messageId", delivery.providerMessageId())
                .param("sha", delivery.linkTokenSha256())
                .param("linkExpiresAt", ts(delivery.linkExpiresAt()))
                .param("now", ts(now))
                .param("fileId", email.fileId())
                .param("kind", email.kind().name())
                .update();
        if (updated == 1 && email.kind() == EmailKind.STUDENT_LINK) {
            events.emailSent(email.fileId(), delivery.providerMessageId(), delivery.acceptedAt(),
                    delivery.linkTokenSha256(), delivery.linkExpiresAt(), transport);
        }
        return updated == 1;
    }

    /** A transient failure: the email becomes due again at {@code nextAttemptAt}. */
    @Transactional
    void markRetry(ClaimedEmail email, Instant nextAttemptAt, String error) {
        jdbc.sql("""
                UPDATE email SET status = 'PENDING', next_attempt_at = :next, last_error = :error, updated_at = :now
                WHERE file_id = :fileId AND kind = :kind AND status = 'SENDING'
                """)
                .param("next", ts(nextAttemptAt))
                .param("error", error)
                .param("now", ts(clock.instant()))
                .param("fileId", email.fileId())
                .param("kind", email.kind().name())
                .update();
    }

    /** Given up for good: recorded together with its event (student emails), in one transaction. */
    @Transactional
    void markFailed(ClaimedEmail email, FailureReason reason, String error) {
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                UPDATE email SET status = 'FAILED', failure_reason = :reason, last_error = :error, updated_at = :now
                WHERE file_id = :fileId AND kind = :kind AND status = 'SENDING'
                """)
                .param("reason", reason.name())
                .param("error", error)
                .param("now", ts(now))
                .param("fileId", email.fileId())
                .param("kind", email.kind().name())
                .update();
        if (updated == 1 && email.kind() == EmailKind.STUDENT_LINK) {
            events.emailFailed(email.fileId(), reason, error, now);
        }
    }

    long countPending() {
        return jdbc.sql("SELECT count(*) FROM email WHERE status = 'PENDING'").query(Long.class).single();
    }

    /** Emails whose provider call started before {@code cutoff} and whose outcome was never recorded. */
    List<UUID> stuckSince(Instant cutoff, int limit) {
        return jdbc.sql("""
                SELECT file_id FROM email WHERE status = 'SENDING' AND claimed_at < :cutoff
                ORDER BY claimed_at LIMIT :limit
                """)
                .param("cutoff", ts(cutoff))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    long countStuckSince(Instant cutoff) {
        return jdbc.sql("SELECT count(*) FROM email WHERE status = 'SENDING' AND claimed_at < :cutoff")
                .param("cutoff", ts(cutoff))
                .query(Long.class)
                .single();
    }
}
