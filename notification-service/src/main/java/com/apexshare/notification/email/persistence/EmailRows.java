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
            ON CONFLICT (file_id, kind) DO NOTHING
            """)
    int insertStudentLinkIfDue(@Param("fileId") UUID fileId, @Param("now") Instant now);

    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO email (file_id, kind, status, next_attempt_at, created_at, updated_at)
            SELECT file_id, 'TRAINER_FIRST_DOWNLOAD', 'PENDING', :now, :now, :now FROM upload
            WHERE file_id = :fileId AND initiated_at IS NOT NULL AND first_downloaded_at IS NOT NULL
              AND trainer_email IS NOT NULL AND deleted_at IS NULL AND retention_until > :now
            ON CONFLICT (file_id, kind) DO NOTHING
            """)
    int insertTrainerFirstDownloadIfDue(@Param("fileId") UUID fileId, @Param("now") Instant now);

    /** Owed once the student's email will not arrive; the caller decides that, this only checks the upload. */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO email (file_id, kind, status, next_attempt_at, created_at, updated_at)
            SELECT file_id, 'TRAINER_DELIVERY_PROBLEM', 'PENDING', :now, :now, :now FROM upload
            WHERE file_id = :fileId AND initiated_at IS NOT NULL AND trainer_email IS NOT NULL
              AND deleted_at IS NULL AND retention_until > :now
            ON CONFLICT (file_id, kind) DO NOTHING
            """)
    int insertTrainerDeliveryProblemIfDue(@Param("fileId") UUID fileId, @Param("now") Instant now);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Email e where e.providerMessageId = :id")
    List<Email> findLockedByProviderMessageId(@Param("id") String id);

    /** The local part is a UUID (no LIKE wildcards in it); the prefix match uses the text_pattern_ops index. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Email e where e.providerMessageId like concat(:localPart, '@%')")
    List<Email> findLockedByProviderMessageLocalPart(@Param("localPart") String localPart);

    /** {@code [file_id, kind]} of each leased email. */
    @Query(nativeQuery = true, value = """
            WITH due AS (
                SELECT file_id, kind FROM email
                WHERE status = 'PENDING' AND next_attempt_at <= :now
                  -- a student's email waits for download-service's confirmation of its link (LinkActivated)
                  AND (link_issued_at IS NULL OR link_confirmed_at IS NOT NULL)
                ORDER BY next_attempt_at
                LIMIT :max
                FOR UPDATE SKIP LOCKED)
            UPDATE email e SET lease_id = :leaseId, next_attempt_at = :until, updated_at = :now
            FROM due WHERE e.file_id = due.file_id AND e.kind = due.kind
            RETURNING e.file_id, e.kind
            """)
    List<Object[]> lease(@Param("max") int max, @Param("leaseId") UUID leaseId, @Param("now") Instant now,
            @Param("until") Instant until);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Email e where e.fileId = :fileId and e.kind = :kind")
    Optional<Email> findLocked(@Param("fileId") UUID fileId, @Param("kind") EmailKind kind);

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
