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
                trainer_email = EXCLUDED.trainer_email, student_email = EXCLUDED.student_email,
                student_name = EXCLUDED.student_name, session_date = EXCLUDED.session_date,
                notes = EXCLUDED.notes, file_name = EXCLUDED.file_name, file_size = EXCLUDED.file_size,
                retention_until = EXCLUDED.retention_until,
                initiated_at = EXCLUDED.initiated_at,
                updated_at = EXCLUDED.updated_at
            WHERE upload.deleted_at IS NULL AND upload.initiated_at IS NULL
            """)
    void upsertInitiated(@Param("f") InitiatedRow f);

    /**
     * 1 when the upload's recorded initiation has other facts than {@code f} (the first initiation stays: a later one
     * must not redirect the student's email); 0 for a repetition, a first initiation, or a deleted upload (its
     * personal data is scrubbed, so nothing is compared).
     */
    @Query(nativeQuery = true, value = """
            SELECT count(*) FROM upload
            WHERE file_id = :#{#f.fileId()} AND deleted_at IS NULL AND initiated_at IS NOT NULL AND (
                trainer_id IS DISTINCT FROM CAST(:#{#f.trainerId()} AS text)
                OR trainer_name IS DISTINCT FROM CAST(:#{#f.trainerName()} AS text)
                OR trainer_email IS DISTINCT FROM CAST(:#{#f.trainerEmail()} AS text)
                OR student_email IS DISTINCT FROM CAST(:#{#f.studentEmail()} AS text)
                OR student_name IS DISTINCT FROM CAST(:#{#f.studentName()} AS text)
                OR session_date IS DISTINCT FROM CAST(:#{#f.sessionDate()} AS date)
                OR notes IS DISTINCT FROM CAST(:#{#f.notes()} AS text)
                OR file_name IS DISTINCT FROM CAST(:#{#f.fileName()} AS text)
                OR file_size IS DISTINCT FROM :#{#f.fileSize()}
                OR retention_until IS DISTINCT FROM CAST(:#{#f.retentionUntil()} AS timestamptz)
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
