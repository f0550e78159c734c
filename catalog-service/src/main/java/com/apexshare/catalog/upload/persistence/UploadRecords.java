package com.apexshare.catalog.upload.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import com.apexshare.catalog.upload.persistence.LedgerRows.ChangeRows;
import com.apexshare.catalog.upload.persistence.LedgerRows.CompletedRows;
import com.apexshare.catalog.upload.persistence.LedgerRows.DeletedRows;
import com.apexshare.catalog.upload.persistence.LedgerRows.DownloadedRows;
import com.apexshare.catalog.upload.persistence.LedgerRows.EmailRows;
import com.apexshare.catalog.upload.persistence.LedgerRows.InitiatedRows;

/**
 * The {@code upload} table: JPA reads for the dashboard, and the ledger's set-based writes as native statements,
 * because they need what only PostgreSQL has: {@code unnest} of array parameters (a whole poll in one statement) and
 * {@code INSERT … ON CONFLICT DO UPDATE … WHERE} (create the row if this fact arrived first, merge it otherwise).
 *
 * <p>Every write is an upsert over the rows in file-id order: PostgreSQL locks conflicting rows as it meets them, even
 * where the {@code WHERE} changes nothing, so two transactions always lock their common rows in the same order and
 * never deadlock. Each merge keeps the earliest fact ({@code excluded.x < u.x}), so order and repetition do not
 * matter; the facts of the initiation are the exception: the first one recorded stays (first writer wins).
 */
interface UploadRecords extends JpaRepository<UploadRecord, UUID>, JpaSpecificationExecutor<UploadRecord> {

    Optional<UploadRecord> findByFileIdAndTrainerId(UUID fileId, String trainerId);

    long countByTrainerId(String trainerId);

    /** Newest first: an index scan of {@code upload_trainer_recent}. */
    @Query("select u from UploadRecord u where u.trainerId = :trainerId"
            + " order by u.uploadDate desc, u.fileId desc limit :limit offset :offset")
    List<UploadRecord> newestFirst(@Param("trainerId") String trainerId, @Param("offset") int offset,
            @Param("limit") int limit);

    /** {@code [uploads, downloads, available-never-downloaded, first session, last session, last upload]}. */
    @Query("select count(u), coalesce(sum(u.downloadCount), 0),"
            + " coalesce(sum(case when u.status = 'AVAILABLE' and u.downloadCount = 0 then 1 else 0 end), 0),"
            + " min(u.sessionDate), max(u.sessionDate), max(u.uploadDate)"
            + " from UploadRecord u where u.trainerId = :trainerId and lower(u.studentEmail) = :email")
    List<Object[]> studentTotals(@Param("trainerId") String trainerId, @Param("email") String studentEmail);

    /**
     * Fills in the initiations of rows no initiation has filled yet (the first writer wins: a later initiation, whatever
     * its time, changes nothing; see {@link #conflictingInitiations}), and creates (or locks) the rows of every other
     * file id as placeholders: a batch with
     * several kinds of facts runs this first with all its file ids, so that its later statements meet only rows it
     * already holds. A placeholder belongs to no trainer until its initiation arrives. Personal data stays erased once
     * the upload has expired. A trainer's address or expiry change that arrived first (a higher link generation or
     * expiry revision on the row) stays: the initiation's address and end are older facts.
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO upload AS u (file_id, trainer_id, trainer_name, student_email, student_name, session_date,
                    notes, file_name, original_file_name, file_size, content_type, s3_bucket, s3_key, upload_mode,
                    upload_date, retention_until)
            SELECT x.file_id, x.trainer_id, x.trainer_name, x.student_email, x.student_name,
                   DATE '1970-01-01' + CAST(x.session_day AS int), x.notes, x.file_name, x.original_file_name,
                   x.file_size, x.content_type, x.s3_bucket, x.s3_key, x.upload_mode,
                   timestamptz 'epoch' + x.initiated_ms * interval '1 millisecond',
                   timestamptz 'epoch' + x.retention_ms * interval '1 millisecond'
            FROM unnest(CAST(:#{#rows.fileIds} AS uuid[]), CAST(:#{#rows.trainerIds} AS text[]),
                        CAST(:#{#rows.trainerNames} AS text[]), CAST(:#{#rows.studentEmails} AS text[]),
                        CAST(:#{#rows.studentNames} AS text[]), CAST(:#{#rows.sessionDays} AS bigint[]),
                        CAST(:#{#rows.notes} AS text[]), CAST(:#{#rows.fileNames} AS text[]),
                        CAST(:#{#rows.originalFileNames} AS text[]), CAST(:#{#rows.fileSizes} AS bigint[]),
                        CAST(:#{#rows.contentTypes} AS text[]), CAST(:#{#rows.buckets} AS text[]),
                        CAST(:#{#rows.objectKeys} AS text[]), CAST(:#{#rows.uploadModes} AS text[]),
                        CAST(:#{#rows.initiatedMillis} AS bigint[]), CAST(:#{#rows.retentionMillis} AS bigint[]))
                 AS x(file_id, trainer_id, trainer_name, student_email, student_name, session_day, notes, file_name,
                      original_file_name, file_size, content_type, s3_bucket, s3_key, upload_mode, initiated_ms,
                      retention_ms)
            ORDER BY x.file_id
            ON CONFLICT (file_id) DO UPDATE SET
                trainer_id = excluded.trainer_id, trainer_name = excluded.trainer_name,
                student_email = CASE WHEN u.expired_at IS NOT NULL THEN NULL
                                     WHEN u.link_generation > 1 THEN u.student_email
                                     ELSE excluded.student_email END,
                student_name = CASE WHEN u.expired_at IS NOT NULL THEN NULL
                                    WHEN u.link_generation > 1 AND u.student_name IS NOT NULL THEN u.student_name
                                    ELSE excluded.student_name END,
                notes = CASE WHEN u.expired_at IS NULL THEN excluded.notes END,
                session_date = excluded.session_date, file_name = excluded.file_name,
                original_file_name = excluded.original_file_name, file_size = excluded.file_size,
                content_type = excluded.content_type, s3_bucket = excluded.s3_bucket, s3_key = excluded.s3_key,
                upload_mode = excluded.upload_mode, upload_date = excluded.upload_date,
                retention_until = CASE WHEN u.expiry_revision > 0 THEN u.retention_until
                                       ELSE excluded.retention_until END
            WHERE excluded.upload_date IS NOT NULL AND u.upload_date IS NULL
            """)
    int initiate(@Param("rows") InitiatedRows rows);

    /**
     * The uploads whose recorded initiation differs from the given one in any fact it sets. Personal data erased at
     * the end of retention is not compared (a replayed initiation of an expired upload is a repetition, not a
     * conflict), nor the address and the end once the trainer changed them (link generation above 1, an expiry
     * revision): a redelivered initiation of such an upload is a repetition too. Run after {@link #initiate}, in its transaction, so the rows are locked and hold the first
     * initiation.
     */
    @Query(nativeQuery = true, value = """
            SELECT x.file_id
            FROM unnest(CAST(:#{#rows.fileIds} AS uuid[]), CAST(:#{#rows.trainerIds} AS text[]),
                        CAST(:#{#rows.trainerNames} AS text[]), CAST(:#{#rows.studentEmails} AS text[]),
                        CAST(:#{#rows.studentNames} AS text[]), CAST(:#{#rows.sessionDays} AS bigint[]),
                        CAST(:#{#rows.notes} AS text[]), CAST(:#{#rows.fileNames} AS text[]),
                        CAST(:#{#rows.originalFileNames} AS text[]), CAST(:#{#rows.fileSizes} AS bigint[]),
                        CAST(:#{#rows.contentTypes} AS text[]), CAST(:#{#rows.buckets} AS text[]),
                        CAST(:#{#rows.objectKeys} AS text[]), CAST(:#{#rows.uploadModes} AS text[]),
                        CAST(:#{#rows.initiatedMillis} AS bigint[]), CAST(:#{#rows.retentionMillis} AS bigint[]))
                 AS x(file_id, trainer_id, trainer_name, student_email, student_name, session_day, notes, file_name,
                      original_file_name, file_size, content_type, s3_bucket, s3_key, upload_mode, initiated_ms,
                      retention_ms)
            JOIN upload u ON u.file_id = x.file_id
            WHERE u.upload_date IS NOT NULL AND (
                u.trainer_id IS DISTINCT FROM x.trainer_id OR u.trainer_name IS DISTINCT FROM x.trainer_name
                OR (u.expired_at IS NULL AND u.notes IS DISTINCT FROM x.notes)
                OR (u.expired_at IS NULL AND u.link_generation = 1 AND (u.student_email IS DISTINCT FROM x.student_email
                    OR u.student_name IS DISTINCT FROM x.student_name))
                OR u.session_date IS DISTINCT FROM DATE '1970-01-01' + CAST(x.session_day AS int)
                OR u.file_name IS DISTINCT FROM x.file_name
                OR u.original_file_name IS DISTINCT FROM x.original_file_name
                OR u.file_size IS DISTINCT FROM x.file_size OR u.content_type IS DISTINCT FROM x.content_type
                OR u.s3_bucket IS DISTINCT FROM x.s3_bucket OR u.s3_key IS DISTINCT FROM x.s3_key
                OR u.upload_mode IS DISTINCT FROM x.upload_mode
                OR u.upload_date IS DISTINCT FROM timestamptz 'epoch' + x.initiated_ms * interval '1 millisecond'
                OR (u.expiry_revision = 0 AND u.retention_until IS DISTINCT FROM
                    timestamptz 'epoch' + x.retention_ms * interval '1 millisecond'))
            """)
    List<UUID> conflictingInitiations(@Param("rows") InitiatedRows rows);

    /** The earliest completion's time, size and ETag win. */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO upload AS u (file_id, completed_at, stored_size, etag)
            SELECT x.file_id, timestamptz 'epoch' + x.ms * interval '1 millisecond', x.size, x.etag
            FROM unnest(CAST(:#{#rows.fileIds} AS uuid[]), CAST(:#{#rows.millis} AS bigint[]),
                        CAST(:#{#rows.sizes} AS bigint[]), CAST(:#{#rows.etags} AS text[]))
                 AS x(file_id, ms, size, etag)
            ORDER BY x.file_id
            ON CONFLICT (file_id) DO UPDATE SET
                completed_at = excluded.completed_at, stored_size = excluded.stored_size, etag = excluded.etag
            WHERE u.completed_at IS NULL OR excluded.completed_at < u.completed_at
            """)
    int complete(@Param("rows") CompletedRows rows);

    /** Aborted or removed (ABORTED, OTHER): the earliest deletion wins. */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO upload AS u (file_id, deleted_at, deletion_reason)
            SELECT x.file_id, timestamptz 'epoch' + x.ms * interval '1 millisecond', x.reason
            FROM unnest(CAST(:#{#rows.fileIds} AS uuid[]), CAST(:#{#rows.millis} AS bigint[]),
                        CAST(:#{#rows.reasons} AS text[])) AS x(file_id, ms, reason)
            ORDER BY x.file_id
            ON CONFLICT (file_id) DO UPDATE SET
                deleted_at = excluded.deleted_at, deletion_reason = excluded.deletion_reason
            WHERE u.deleted_at IS NULL OR excluded.deleted_at < u.deleted_at
            """)
    int delete(@Param("rows") DeletedRows rows);

    /** The end of retention also erases the student's personal data; the row stays as the upload's tombstone. */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO upload AS u (file_id, expired_at)
            SELECT x.file_id, timestamptz 'epoch' + x.ms * interval '1 millisecond'
            FROM unnest(CAST(:#{#rows.fileIds} AS uuid[]), CAST(:#{#rows.millis} AS bigint[])) AS x(file_id, ms)
            ORDER BY x.file_id
            ON CONFLICT (file_id) DO UPDATE SET
                expired_at = excluded.expired_at, student_email = NULL, student_name = NULL, notes = NULL
            WHERE u.expired_at IS NULL OR excluded.expired_at < u.expired_at
            """)
    int expire(@Param("rows") DeletedRows rows);

    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO upload AS u (file_id, email_sent_at)
            SELECT x.file_id, timestamptz 'epoch' + x.ms * interval '1 millisecond'
            FROM unnest(CAST(:#{#rows.fileIds} AS uuid[]), CAST(:#{#rows.millis} AS bigint[])) AS x(file_id, ms)
            ORDER BY x.file_id
            ON CONFLICT (file_id) DO UPDATE SET email_sent_at = excluded.email_sent_at
            WHERE u.email_sent_at IS NULL OR excluded.email_sent_at < u.email_sent_at
            """)
    int emailSent(@Param("rows") EmailRows rows);

    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO upload AS u (file_id, email_failed_at, email_failure_reason)
            SELECT x.file_id, timestamptz 'epoch' + x.ms * interval '1 millisecond', x.reason
            FROM unnest(CAST(:#{#rows.fileIds} AS uuid[]), CAST(:#{#rows.millis} AS bigint[]),
                        CAST(:#{#rows.reasons} AS text[])) AS x(file_id, ms, reason)
            ORDER BY x.file_id
            ON CONFLICT (file_id) DO UPDATE SET
                email_failed_at = excluded.email_failed_at, email_failure_reason = excluded.email_failure_reason
            WHERE u.email_failed_at IS NULL OR excluded.email_failed_at < u.email_failed_at
            """)
    int emailFailed(@Param("rows") EmailRows rows);

    /** The latest resend's time. */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO upload AS u (file_id, last_resent_at)
            SELECT x.file_id, timestamptz 'epoch' + x.ms * interval '1 millisecond'
            FROM unnest(CAST(:#{#rows.fileIds} AS uuid[]), CAST(:#{#rows.millis} AS bigint[])) AS x(file_id, ms)
            ORDER BY x.file_id
            ON CONFLICT (file_id) DO UPDATE SET last_resent_at = excluded.last_resent_at
            WHERE u.last_resent_at IS NULL OR excluded.last_resent_at > u.last_resent_at
            """)
    int resent(@Param("rows") ChangeRows rows);

    /**
     * The corrected address of the highest link generation wins; a name of null keeps the name. Personal data stays
     * erased once the upload has expired.
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO upload AS u (file_id, student_email, student_name, link_generation, address_changed_at)
            SELECT x.file_id, x.email, x.name, CAST(x.generation AS int),
                   timestamptz 'epoch' + x.ms * interval '1 millisecond'
            FROM unnest(CAST(:#{#rows.fileIds} AS uuid[]), CAST(:#{#rows.millis} AS bigint[]),
                        CAST(:#{#rows.emails} AS text[]), CAST(:#{#rows.names} AS text[]),
                        CAST(:#{#rows.numbers} AS bigint[])) AS x(file_id, ms, email, name, generation)
            ORDER BY x.file_id
            ON CONFLICT (file_id) DO UPDATE SET
                student_email = CASE WHEN u.expired_at IS NULL THEN excluded.student_email END,
                student_name = CASE WHEN u.expired_at IS NULL THEN COALESCE(excluded.student_name, u.student_name) END,
                link_generation = excluded.link_generation, address_changed_at = excluded.address_changed_at
            WHERE excluded.link_generation > u.link_generation
            """)
    int addressChanged(@Param("rows") ChangeRows rows);

    /** The end of the highest expiry revision wins: the retention job removes the upload then. */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO upload AS u (file_id, retention_until, expiry_revision)
            SELECT x.file_id, timestamptz 'epoch' + x.end_ms * interval '1 millisecond', x.revision
            FROM unnest(CAST(:#{#rows.fileIds} AS uuid[]), CAST(:#{#rows.ends} AS bigint[]),
                        CAST(:#{#rows.numbers} AS bigint[])) AS x(file_id, end_ms, revision)
            ORDER BY x.file_id
            ON CONFLICT (file_id) DO UPDATE SET
                retention_until = excluded.retention_until, expiry_revision = excluded.expiry_revision
            WHERE excluded.expiry_revision > u.expiry_revision
            """)
    int expiryChanged(@Param("rows") ChangeRows rows);

    /** The earliest revocation wins (revoking is final). */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO upload AS u (file_id, links_revoked_at)
            SELECT x.file_id, timestamptz 'epoch' + x.ms * interval '1 millisecond'
            FROM unnest(CAST(:#{#rows.fileIds} AS uuid[]), CAST(:#{#rows.millis} AS bigint[])) AS x(file_id, ms)
            ORDER BY x.file_id
            ON CONFLICT (file_id) DO UPDATE SET links_revoked_at = excluded.links_revoked_at
            WHERE u.links_revoked_at IS NULL OR excluded.links_revoked_at < u.links_revoked_at
            """)
    int linksRevoked(@Param("rows") ChangeRows rows);

    /** The setting of the highest revision wins. */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO upload AS u (file_id, reminders_enabled, reminder_revision)
            SELECT x.file_id, x.enabled, x.revision
            FROM unnest(CAST(:#{#rows.fileIds} AS uuid[]), CAST(:#{#rows.flags} AS boolean[]),
                        CAST(:#{#rows.numbers} AS bigint[])) AS x(file_id, enabled, revision)
            ORDER BY x.file_id
            ON CONFLICT (file_id) DO UPDATE SET
                reminders_enabled = excluded.reminders_enabled, reminder_revision = excluded.reminder_revision
            WHERE excluded.reminder_revision > u.reminder_revision
            """)
    int remindersChanged(@Param("rows") ChangeRows rows);

    /** The reminder's time (there is one at most; the earliest report wins). */
    @Modifying
    @Query(nativeQuery = true, value = """
            INSERT INTO upload AS u (file_id, reminder_sent_at)
            SELECT x.file_id, timestamptz 'epoch' + x.ms * interval '1 millisecond'
            FROM unnest(CAST(:#{#rows.fileIds} AS uuid[]), CAST(:#{#rows.millis} AS bigint[])) AS x(file_id, ms)
            ORDER BY x.file_id
            ON CONFLICT (file_id) DO UPDATE SET reminder_sent_at = excluded.reminder_sent_at
            WHERE u.reminder_sent_at IS NULL OR excluded.reminder_sent_at < u.reminder_sent_at
            """)
    int reminderSent(@Param("rows") ChangeRows rows);

    /**
     * Records the downloads whose ids are new ({@code download} has the id as its key, so a redelivered download is
     * not counted again) and adds them to their uploads' counts. A download of an upload that has already expired
     * (a late or replayed event) is kept without its device details, as {@link #eraseDownloadDetails} leaves the
     * others, so the result does not depend on the order of arrival.
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            WITH fresh AS (
                INSERT INTO download (download_id, file_id, downloaded_at, user_agent_family, channel)
                SELECT x.download_id, x.file_id, timestamptz 'epoch' + x.ms * interval '1 millisecond',
                       CASE WHEN e.file_id IS NULL THEN x.user_agent_family END,
                       CASE WHEN e.file_id IS NULL THEN x.channel END
                FROM unnest(CAST(:#{#rows.downloadIds} AS uuid[]), CAST(:#{#rows.fileIds} AS uuid[]),
                            CAST(:#{#rows.millis} AS bigint[]), CAST(:#{#rows.userAgentFamilies} AS text[]),
                            CAST(:#{#rows.channels} AS text[]))
                     AS x(download_id, file_id, ms, user_agent_family, channel)
                LEFT JOIN upload e ON e.file_id = x.file_id AND e.expired_at IS NOT NULL
                ON CONFLICT (download_id) DO NOTHING
                RETURNING file_id, downloaded_at
            )
            INSERT INTO upload AS u (file_id, download_count, last_download_at)
            SELECT f.file_id, count(*), max(f.downloaded_at) FROM fresh f GROUP BY f.file_id ORDER BY f.file_id
            ON CONFLICT (file_id) DO UPDATE SET download_count = u.download_count + excluded.download_count,
                last_download_at = GREATEST(u.last_download_at, excluded.last_download_at)
            """)
    int download(@Param("rows") DownloadedRows rows);

    /**
     * At the end of retention the downloads of an upload keep their id (what keeps the count exactly-once) and time,
     * and lose the device details with the student's data. Runs after {@link #expire}, which holds the uploads' rows:
     * nothing else updates download rows, so this never waits on a lock another ledger transaction holds.
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE download SET user_agent_family = NULL, channel = NULL
            WHERE file_id = ANY(CAST(:#{#rows.fileIds} AS uuid[]))
              AND (user_agent_family IS NOT NULL OR channel IS NOT NULL)
            """)
    int eraseDownloadDetails(@Param("rows") DeletedRows rows);

    /**
     * After {@link #download}, in the same transaction: erases the device details of these downloads where their
     * upload has expired meanwhile. {@link #download} judged expiry by its statement's snapshot, and an expiry
     * committed by another consumer while it ran would have missed the rows it was inserting (its erase ran before
     * they were committed); this statement runs with a fresh snapshot, after {@link #download} has taken the uploads'
     * row locks, so one of the two always sees the other.
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            UPDATE download d SET user_agent_family = NULL, channel = NULL
            FROM upload u
            WHERE d.download_id = ANY(CAST(:#{#rows.downloadIds} AS uuid[]))
              AND u.file_id = d.file_id AND u.expired_at IS NOT NULL
              AND (d.user_agent_family IS NOT NULL OR d.channel IS NOT NULL)
            """)
    int eraseDownloadDetailsOfExpired(@Param("rows") DownloadedRows rows);
}
