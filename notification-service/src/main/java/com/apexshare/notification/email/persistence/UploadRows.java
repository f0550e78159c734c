package com.apexshare.notification.email.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The {@code upload} table. The writes are native upserts ({@code INSERT … ON CONFLICT DO UPDATE}): an event may
 * name an upload no event has named yet, concurrently with another one, and the row lock the upsert takes is what lets
 * the second of two concurrent events see the first's facts.
 */
interface UploadRows extends JpaRepository<UploadRow, UUID> {

    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO upload (file_id, trainer_id, trainer_name, trainer_email, student_email, student_name,
                                session_date, notes, file_name, file_size, retention_until, initiated_at, updated_at)
            VALUES (:#{#f.fileId()}, CAST(:#{#f.trainerId()} AS text), CAST(:#{#f.trainerName()} AS text),
                    CAST(:#{#f.trainerEmail()} AS text), CAST(:#{#f.studentEmail()} AS text),
                    CAST(:#{#f.studentName()} AS text), CAST(:#{#f.sessionDate()} AS date),
                    CAST(:#{#f.notes()} AS text), CAST(:#{#f.fileName()} AS text), :#{#f.fileSize()},
                    CAST(:#{#f.retentionUntil()} AS timestamptz), CAST(:#{#f.initiatedAt()} AS timestamptz),
                    :#{#f.now()})
            ON CONFLICT (file_id) DO UPDATE SET
                trainer_id = EXCLUDED.trainer_id, trainer_name = EXCLUDED.trainer_name,
                trainer_email = EXCLUDED.trainer_email,
                student_email = CASE WHEN upload.link_generation > 1 THEN upload.student_email
                                     ELSE EXCLUDED.student_email END,
                student_name = CASE WHEN upload.link_generation > 1 AND upload.student_name IS NOT NULL
                                    THEN upload.student_name ELSE EXCLUDED.student_name END,
                session_date = EXCLUDED.session_date,
                notes = EXCLUDED.notes, file_name = EXCLUDED.file_name, file_size = EXCLUDED.file_size,
                retention_until = CASE WHEN upload.expiry_revision > 0 THEN upload.retention_until
                                       ELSE EXCLUDED.retention_until END,
                initiated_at = EXCLUDED.initiated_at,
                updated_at = EXCLUDED.updated_at
            WHERE upload.deleted_at IS NULL AND upload.initiated_at IS NULL
            """)
    void upsertInitiated(@Param("f") InitiatedRow f);

    /**
     * 1 when the upload's recorded initiation has other facts than {@code f} (the first initiation stays: a later one
     * must not redirect the student's email); 0 for a repetition, a first initiation, or a deleted upload (its
     * personal data is scrubbed, so nothing is compared). The address and the end are not compared once the trainer
     * changed them (link generation above 1, an expiry revision): they no longer are the initiation's.
     */
    @Query(nativeQuery = true, value = """
            SELECT count(*) FROM upload
            WHERE file_id = :#{#f.fileId()} AND deleted_at IS NULL AND initiated_at IS NOT NULL AND (
                trainer_id IS DISTINCT FROM CAST(:#{#f.trainerId()} AS text)
                OR trainer_name IS DISTINCT FROM CAST(:#{#f.trainerName()} AS text)
                OR trainer_email IS DISTINCT FROM CAST(:#{#f.trainerEmail()} AS text)
                OR (link_generation = 1 AND (student_email IS DISTINCT FROM CAST(:#{#f.studentEmail()} AS text)
                    OR student_name IS DISTINCT FROM CAST(:#{#f.studentName()} AS text)))
                OR session_date IS DISTINCT FROM CAST(:#{#f.sessionDate()} AS date)
                OR notes IS DISTINCT FROM CAST(:#{#f.notes()} AS text)
                OR file_name IS DISTINCT FROM CAST(:#{#f.fileName()} AS text)
                OR file_size IS DISTINCT FROM :#{#f.fileSize()}
                OR (expiry_revision = 0
                    AND retention_until IS DISTINCT FROM CAST(:#{#f.retentionUntil()} AS timestamptz))
                OR initiated_at IS DISTINCT FROM CAST(:#{#f.initiatedAt()} AS timestamptz))
            """)
    long countConflictingInitiations(@Param("f") InitiatedRow f);

    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO upload (file_id, completed_at, completion_signals, updated_at)
            VALUES (:fileId, CAST(:completedAt AS timestamptz), 1, :now)
            ON CONFLICT (file_id) DO UPDATE SET
                completed_at = COALESCE(upload.completed_at, EXCLUDED.completed_at),
                completion_signals = upload.completion_signals + 1,
                updated_at = EXCLUDED.updated_at
            """)
    void upsertCompleted(@Param("fileId") UUID fileId, @Param("completedAt") Instant completedAt,
            @Param("now") Instant now);

    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO upload (file_id, deleted_at, deletion_reason, updated_at)
            VALUES (:fileId, CAST(:deletedAt AS timestamptz), CAST(:reason AS text), :now)
            ON CONFLICT (file_id) DO UPDATE SET
                deleted_at = COALESCE(upload.deleted_at, EXCLUDED.deleted_at),
                deletion_reason = COALESCE(upload.deletion_reason, EXCLUDED.deletion_reason),
                trainer_email = NULL, student_email = NULL, student_name = NULL, notes = NULL,
                updated_at = EXCLUDED.updated_at
            """)
    void upsertDeleted(@Param("fileId") UUID fileId, @Param("reason") String reason,
            @Param("deletedAt") Instant deletedAt, @Param("now") Instant now);

    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO upload (file_id, first_downloaded_at, updated_at)
            VALUES (:fileId, CAST(:downloadedAt AS timestamptz), :now)
            ON CONFLICT (file_id) DO UPDATE SET
                first_downloaded_at = LEAST(upload.first_downloaded_at, EXCLUDED.first_downloaded_at),
                updated_at = EXCLUDED.updated_at
            """)
    void upsertDownloaded(@Param("fileId") UUID fileId, @Param("downloadedAt") Instant downloadedAt,
            @Param("now") Instant now);

    /**
     * The trainer's corrected address; the highest link generation wins, a null name keeps the name. Never revives a
     * deleted upload's personal data. Whether this change was applied (it is the latest known).
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO upload (file_id, student_email, student_name, link_generation, updated_at)
            VALUES (:fileId, CAST(:email AS text), CAST(:name AS text), :generation, :now)
            ON CONFLICT (file_id) DO UPDATE SET
                student_email = EXCLUDED.student_email,
                student_name = COALESCE(EXCLUDED.student_name, upload.student_name),
                link_generation = EXCLUDED.link_generation, updated_at = EXCLUDED.updated_at
            WHERE upload.deleted_at IS NULL AND EXCLUDED.link_generation > upload.link_generation
            """)
    int upsertAddressChanged(@Param("fileId") UUID fileId, @Param("email") String email, @Param("name") String name,
            @Param("generation") int generation, @Param("now") Instant now);

    /** The trainer's new end; the highest revision wins. */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO upload (file_id, retention_until, expiry_revision, updated_at)
            VALUES (:fileId, CAST(:expiresAt AS timestamptz), :revision, :now)
            ON CONFLICT (file_id) DO UPDATE SET
                retention_until = EXCLUDED.retention_until, expiry_revision = EXCLUDED.expiry_revision,
                updated_at = EXCLUDED.updated_at
            WHERE EXCLUDED.expiry_revision > upload.expiry_revision
            """)
    int upsertExpiryChanged(@Param("fileId") UUID fileId, @Param("expiresAt") Instant expiresAt,
            @Param("revision") long revision, @Param("now") Instant now);

    /** The links were revoked; the first revocation sticks. */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO upload (file_id, links_revoked_at, updated_at)
            VALUES (:fileId, CAST(:revokedAt AS timestamptz), :now)
            ON CONFLICT (file_id) DO UPDATE SET
                links_revoked_at = LEAST(upload.links_revoked_at, EXCLUDED.links_revoked_at),
                updated_at = EXCLUDED.updated_at
            """)
    int upsertLinksRevoked(@Param("fileId") UUID fileId, @Param("revokedAt") Instant revokedAt,
            @Param("now") Instant now);

    /** The trainer's reminder switch; the highest revision wins. */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO upload (file_id, reminders_enabled, reminder_revision, updated_at)
            VALUES (:fileId, :enabled, :revision, :now)
            ON CONFLICT (file_id) DO UPDATE SET
                reminders_enabled = EXCLUDED.reminders_enabled, reminder_revision = EXCLUDED.reminder_revision,
                updated_at = EXCLUDED.updated_at
            WHERE EXCLUDED.reminder_revision > upload.reminder_revision
            """)
    int upsertRemindersChanged(@Param("fileId") UUID fileId, @Param("enabled") boolean enabled,
            @Param("revision") long revision, @Param("now") Instant now);

    boolean existsByFileIdAndTrainerId(UUID fileId, String trainerId);

    /** One statement: the uploads and (by the foreign key's cascade) their emails. */
    @Modifying
    @Query(nativeQuery = true, value = """
            DELETE FROM upload
            WHERE retention_until < :cutoff
               OR (retention_until IS NULL AND updated_at < :orphanCutoff)
            """)
    int deleteEnded(@Param("cutoff") Instant cutoff, @Param("orphanCutoff") Instant orphanCutoff);

    /** The initiated facts as the upsert binds them (text already made storable). */
    record InitiatedRow(UUID fileId, String trainerId, String trainerName, String trainerEmail, String studentEmail,
            String studentName, LocalDate sessionDate, String notes, String fileName, long fileSize,
            Instant retentionUntil, Instant initiatedAt, Instant now) {
    }
}
