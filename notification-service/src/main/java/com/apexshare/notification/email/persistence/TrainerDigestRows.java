package com.apexshare.notification.email.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The {@code trainer_digest} table, and the reads of {@code upload} a digest needs. */
interface TrainerDigestRows extends JpaRepository<TrainerDigestRow, TrainerDigestRow.Key> {

    /**
     * Claims the day's digest of up to {@code max} trainers with an address and live uploads who have none yet; the
     * insert is the claim ({@code ON CONFLICT DO NOTHING}): {@code [trainer_id, trainer_name, trainer_email]} of each.
     */
    @Query(nativeQuery = true, value = """
            WITH due AS (
                SELECT DISTINCT ON (u.trainer_id) u.trainer_id, u.trainer_name, u.trainer_email
                FROM upload u
                WHERE u.trainer_id IS NOT NULL AND u.trainer_email IS NOT NULL AND u.deleted_at IS NULL
                  AND u.completed_at IS NOT NULL AND u.retention_until > :now
                  AND NOT EXISTS (SELECT 1 FROM trainer_digest d WHERE d.trainer_id = u.trainer_id AND d.day = :day)
                ORDER BY u.trainer_id, u.initiated_at DESC
                LIMIT :max),
            claimed AS (
                INSERT INTO trainer_digest (trainer_id, day, status, claimed_at)
                SELECT trainer_id, :day, 'SENDING', :now FROM due
                ON CONFLICT (trainer_id, day) DO NOTHING
                RETURNING trainer_id)
            SELECT due.trainer_id, due.trainer_name, due.trainer_email FROM due JOIN claimed USING (trainer_id)
            """)
    List<Object[]> claim(@Param("day") LocalDate day, @Param("now") Instant now, @Param("max") int max);

    /** {@code [file_id, file_name, student_name, session_date, first_downloaded_at, retention_until]}. */
    @Query(nativeQuery = true, value = """
            SELECT file_id, file_name, student_name, session_date, first_downloaded_at, retention_until FROM upload
            WHERE trainer_id = :trainerId AND deleted_at IS NULL AND completed_at IS NOT NULL
              AND retention_until > :now
            ORDER BY initiated_at DESC
            LIMIT :max
            """)
    List<Object[]> liveUploads(@Param("trainerId") String trainerId, @Param("now") Instant now, @Param("max") int max);

    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE trainer_digest SET status = :status, sent_at = :at, provider_message_id = :messageId,
                   failure_reason = :reason
            WHERE trainer_id = :trainerId AND day = :day
            """)
    int settle(@Param("trainerId") String trainerId, @Param("day") LocalDate day, @Param("status") String status,
            @Param("at") Instant at, @Param("messageId") String messageId, @Param("reason") String reason);
}
