package com.apexshare.notification.email.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import com.apexshare.notification.email.Email;
import com.apexshare.notification.email.EmailId;
import com.apexshare.notification.email.EmailKind;
import com.apexshare.notification.email.EmailStatus;

import jakarta.persistence.LockModeType;

/**
 * The {@code email} table. Owing an email and leasing due ones are set-based native statements (the conditions span
 * the upload's row; the insert must be a no-op when the email exists; replicas lease with {@code SKIP LOCKED}); every
 * single-email state change goes through {@link Email} on a locked row.
 */
interface EmailRows extends JpaRepository<Email, EmailId> {

    /** The enum literal as JPQL names it. */
    String SENDING = "com.apexshare.notification.email.EmailStatus.SENDING";

    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO email (file_id, kind, status, next_attempt_at, created_at, updated_at)
            SELECT file_id, 'STUDENT_LINK', 'PENDING', :now, :now, :now FROM upload
            WHERE file_id = :fileId AND initiated_at IS NOT NULL AND completed_at IS NOT NULL
              AND deleted_at IS NULL AND retention_until > :now
            ON CONFLICT (file_id, kind, ref) DO NOTHING
            """)
    int insertStudentLinkIfDue(@Param("fileId") UUID fileId, @Param("now") Instant now);

    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO email (file_id, kind, status, next_attempt_at, created_at, updated_at)
            SELECT file_id, 'TRAINER_FIRST_DOWNLOAD', 'PENDING', :now, :now, :now FROM upload
            WHERE file_id = :fileId AND initiated_at IS NOT NULL AND first_downloaded_at IS NOT NULL
              AND trainer_email IS NOT NULL AND deleted_at IS NULL AND retention_until > :now
            ON CONFLICT (file_id, kind, ref) DO NOTHING
            """)
    int insertTrainerFirstDownloadIfDue(@Param("fileId") UUID fileId, @Param("now") Instant now);

    /**
     * A student email of {@code kind} under {@code ref} (a resend request, a link generation) unless it exists, if the
     * upload is initiated, completed, not deleted, its links not revoked and within its retention.
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO email (file_id, kind, ref, status, next_attempt_at, created_at, updated_at)
            SELECT file_id, :kind, :ref, 'PENDING', :now, :now, :now FROM upload
            WHERE file_id = :fileId AND initiated_at IS NOT NULL AND completed_at IS NOT NULL
              AND deleted_at IS NULL AND links_revoked_at IS NULL AND retention_until > :now
            ON CONFLICT (file_id, kind, ref) DO NOTHING
            """)
    int insertStudentEmailIfDue(@Param("fileId") UUID fileId, @Param("kind") String kind, @Param("ref") String ref,
            @Param("now") Instant now);

    /**
     * The reminders now due, at most {@code max}: the first link email was sent between {@code sentFrom} and
     * {@code sentUntil}, nobody downloaded, the trainer allows it, the links live and the upload is within its
     * retention. The key makes it one per upload however many replicas run this at once ({@code ON CONFLICT DO
     * NOTHING}: the row is the claim). The file ids of the reminders this call inserted.
     */
    @Query(nativeQuery = true, value = """
            INSERT INTO email (file_id, kind, ref, status, next_attempt_at, created_at, updated_at)
            SELECT u.file_id, 'STUDENT_REMINDER', '', 'PENDING', :now, :now, :now
            FROM email l JOIN upload u ON u.file_id = l.file_id
            WHERE l.kind = 'STUDENT_LINK' AND l.status = 'SENT' AND l.ref = ''
              AND l.sent_at > :sentFrom AND l.sent_at <= :sentUntil
              AND u.first_downloaded_at IS NULL AND u.reminders_enabled AND u.links_revoked_at IS NULL
              AND u.deleted_at IS NULL AND u.retention_until > :now
              AND NOT EXISTS (SELECT 1 FROM email r WHERE r.file_id = u.file_id AND r.kind = 'STUDENT_REMINDER')
            ORDER BY l.sent_at
            LIMIT :max
            ON CONFLICT (file_id, kind, ref) DO NOTHING
            RETURNING file_id
            """)
    List<UUID> insertDueReminders(@Param("sentFrom") Instant sentFrom, @Param("sentUntil") Instant sentUntil,
            @Param("now") Instant now, @Param("max") int max);

    /** Cancels the upload's unsent student emails except the one given (an address change's own email). */
    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE email SET status = 'CANCELLED', failure_reason = :reason, lease_id = NULL, link_token = NULL,
                             updated_at = :now
            WHERE file_id = :fileId AND status = 'PENDING' AND kind NOT IN ('TRAINER_FIRST_DOWNLOAD', 'TRAINER_DELIVERY_PROBLEM')
              AND NOT (kind = :keepKind AND ref = :keepRef)
            """)
    int cancelPendingStudentEmails(@Param("fileId") UUID fileId, @Param("keepKind") String keepKind,
            @Param("keepRef") String keepRef, @Param("reason") String reason, @Param("now") Instant now);

    /** Owed once the student's email will not arrive; the caller decides that, this only checks the upload. */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO email (file_id, kind, status, next_attempt_at, created_at, updated_at)
            SELECT file_id, 'TRAINER_DELIVERY_PROBLEM', 'PENDING', :now, :now, :now FROM upload
            WHERE file_id = :fileId AND initiated_at IS NOT NULL AND trainer_email IS NOT NULL
              AND deleted_at IS NULL AND retention_until > :now
            ON CONFLICT (file_id, kind, ref) DO NOTHING
            """)
    int insertTrainerDeliveryProblemIfDue(@Param("fileId") UUID fileId, @Param("now") Instant now);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Email e where e.providerMessageId = :id")
    List<Email> findLockedByProviderMessageId(@Param("id") String id);

    /** The local part is a UUID (no LIKE wildcards in it); the prefix match uses the text_pattern_ops index. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Email e where e.providerMessageId like concat(:localPart, '@%')")
    List<Email> findLockedByProviderMessageLocalPart(@Param("localPart") String localPart);

    /** {@code [file_id, kind, ref]} of each leased email. */
    @Query(nativeQuery = true, value = """
            WITH due AS (
                SELECT file_id, kind, ref FROM email
                WHERE status = 'PENDING' AND next_attempt_at <= :now
                  -- a student's email waits for download-service's confirmation of its link (LinkActivated)
                  AND (link_issued_at IS NULL OR link_confirmed_at IS NOT NULL)
                ORDER BY next_attempt_at
                LIMIT :max
                FOR UPDATE SKIP LOCKED)
            UPDATE email e SET lease_id = :leaseId, next_attempt_at = :until, updated_at = :now
            FROM due WHERE e.file_id = due.file_id AND e.kind = due.kind AND e.ref = due.ref
            RETURNING e.file_id, e.kind, e.ref
            """)
    List<Object[]> lease(@Param("max") int max, @Param("leaseId") UUID leaseId, @Param("now") Instant now,
            @Param("until") Instant until);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Email e where e.fileId = :fileId and e.kind = :kind and e.ref = :ref")
    Optional<Email> findLocked(@Param("fileId") UUID fileId, @Param("kind") EmailKind kind, @Param("ref") String ref);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Email e where e.fileId = :fileId and e.status = :status")
    List<Email> findLockedByStatus(@Param("fileId") UUID fileId, @Param("status") EmailStatus status);

    @Query("select e from Email e where e.fileId = :fileId order by e.createdAt")
    List<Email> findOf(@Param("fileId") UUID fileId);

    @Query("select count(e) from Email e where e.status = :status")
    long countByStatus(@Param("status") EmailStatus status);

    @Query("select count(e) from Email e where e.status = com.apexshare.notification.email.EmailStatus.PENDING"
            + " and e.linkIssuedAt < :cutoff and e.linkConfirmedAt is null")
    long countAwaitingLinkSince(@Param("cutoff") Instant cutoff);

    @Query("select count(e) from Email e where e.status = " + SENDING + " and e.claimedAt < :cutoff")
    long countSendingSince(@Param("cutoff") Instant cutoff);

    @Query("select e.fileId from Email e where e.status = " + SENDING + " and e.claimedAt < :cutoff"
            + " order by e.claimedAt")
    List<UUID> sendingSince(@Param("cutoff") Instant cutoff, Limit limit);
}
