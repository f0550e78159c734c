package com.apexshare.notification.email;

import static com.apexshare.notification.email.Sql.ts;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.apexshare.notification.NotificationProperties;

/**
 * Records the upload events in the service's own tables and decides, after each one, whether an email is now owed.
 * Each method is one transaction and idempotent: events may arrive twice, late, or out of order across topics.
 *
 * <p>Exactly one email per upload comes from the {@code email} table's primary key {@code (file_id, kind)}: a row is
 * inserted with {@code ON CONFLICT DO NOTHING} once all its conditions hold, however often they are re-checked. Two
 * events of one upload processed at once (different topics, different consumers) both lock the upload row in their
 * upsert, so the second sees the first's committed change and at least one of them inserts the row.
 */
@Service
public class UploadLedger {

    private static final Logger LOG = LoggerFactory.getLogger(UploadLedger.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean trainerNotification;
    private final ApplicationEventPublisher publisher;

    UploadLedger(JdbcClient jdbc, Clock clock, NotificationProperties properties, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.trainerNotification = properties.trainerNotification().enabled();
        this.publisher = publisher;
    }

    /** {@code UploadInitiated}: keeps the data the emails need; never revives a deleted upload. */
    @Transactional
    public void recordInitiated(UploadFacts facts) {
        jdbc.sql("""
                INSERT INTO upload (file_id, trainer_id, trainer_name, trainer_email, student_email, student_name,
                                    session_date, notes, file_name, file_size, retention_until, initiated_at, updated_at)
                VALUES (:fileId, :trainerId, :trainerName, :trainerEmail, :studentEmail, :studentName,
                        :sessionDate, :notes, :fileName, :fileSize, :retentionUntil, :initiatedAt, :now)
                ON CONFLICT (file_id) DO UPDATE SET
                    trainer_id = EXCLUDED.trainer_id, trainer_name = EXCLUDED.trainer_name,
                    trainer_email = EXCLUDED.trainer_email, student_email = EXCLUDED.student_email,
                    student_name = EXCLUDED.student_name, session_date = EXCLUDED.session_date,
                    notes = EXCLUDED.notes, file_name = EXCLUDED.file_name, file_size = EXCLUDED.file_size,
                    retention_until = EXCLUDED.retention_until,
                    initiated_at = COALESCE(upload.initiated_at, EXCLUDED.initiated_at),
                    updated_at = EXCLUDED.updated_at
                WHERE upload.deleted_at IS NULL
                """)
                .param("fileId", facts.fileId())
                .param("trainerId", storable(facts.trainerId()))
                .param("trainerName", storable(facts.trainerName()))
                .param("trainerEmail", storable(facts.trainerEmail()))
                .param("studentEmail", storable(facts.studentEmail()))
                .param("studentName", storable(facts.studentName()))
                .param("sessionDate", facts.sessionDate())
                .param("notes", storable(facts.notes()))
                .param("fileName", storable(facts.fileName()))
                .param("fileSize", facts.fileSize())
                .param("retentionUntil", ts(facts.retentionUntil()))
                .param("initiatedAt", ts(facts.initiatedAt()))
                .param("now", ts(clock.instant()))
                .update();
        oweEmailsIfDue(facts.fileId());
    }

    /** {@code UploadCompleted}, once or many times. */
    @Transactional
    public void recordCompleted(UUID fileId, Instant completedAt) {
        jdbc.sql("""
                INSERT INTO upload (file_id, completed_at, completion_signals, updated_at)
                VALUES (:fileId, :completedAt, 1, :now)
                ON CONFLICT (file_id) DO UPDATE SET
                    completed_at = COALESCE(upload.completed_at, EXCLUDED.completed_at),
                    completion_signals = upload.completion_signals + 1,
                    updated_at = EXCLUDED.updated_at
                """)
                .param("fileId", fileId)
                .param("completedAt", ts(completedAt))
                .param("now", ts(clock.instant()))
                .update();
        oweEmailsIfDue(fileId);
    }

    /**
     * {@code UploadDeleted}: the upload is gone, so no email about it may leave any more. Its personal data is scrubbed
     * at once; the row stays as a tombstone (until its purge) so that a late event cannot bring the upload back.
     */
    @Transactional
    public void recordDeleted(UUID fileId, String reason, Instant deletedAt) {
        jdbc.sql("""
                INSERT INTO upload (file_id, deleted_at, deletion_reason, updated_at)
                VALUES (:fileId, :deletedAt, :reason, :now)
                ON CONFLICT (file_id) DO UPDATE SET
                    deleted_at = COALESCE(upload.deleted_at, EXCLUDED.deleted_at),
                    deletion_reason = COALESCE(upload.deletion_reason, EXCLUDED.deletion_reason),
                    trainer_email = NULL, student_email = NULL, student_name = NULL, notes = NULL,
                    updated_at = EXCLUDED.updated_at
                """)
                .param("fileId", fileId)
                .param("deletedAt", ts(deletedAt))
                .param("reason", reason)
                .param("now", ts(clock.instant()))
                .update();
        int cancelled = jdbc.sql("""
                UPDATE email SET status = 'CANCELLED', failure_reason = 'UPLOAD_DELETED', lease_id = NULL,
                                 updated_at = :now
                WHERE file_id = :fileId AND status = 'PENDING'
                """)
                .param("fileId", fileId)
                .param("now", ts(clock.instant()))
                .update();
        if (cancelled > 0) {
            LOG.info("Upload {} deleted ({}): {} unsent email(s) cancelled", fileId, reason, cancelled);
        }
    }

    /** {@code Downloaded}: only the first download matters here (it may arrive before anything else). */
    @Transactional
    public void recordDownloaded(UUID fileId, Instant downloadedAt) {
        jdbc.sql("""
                INSERT INTO upload (file_id, first_downloaded_at, updated_at)
                VALUES (:fileId, :downloadedAt, :now)
                ON CONFLICT (file_id) DO UPDATE SET
                    first_downloaded_at = LEAST(upload.first_downloaded_at, EXCLUDED.first_downloaded_at),
                    updated_at = EXCLUDED.updated_at
                """)
                .param("fileId", fileId)
                .param("downloadedAt", ts(downloadedAt))
                .param("now", ts(clock.instant()))
                .update();
        oweEmailsIfDue(fileId);
    }

    /** PostgreSQL text cannot hold U+0000; nothing legitimate in a name or a note needs it. */
    private static String storable(String text) {
        return text == null ? null : text.replace("\u0000", "");
    }

    private void oweEmailsIfDue(UUID fileId) {
        Instant now = clock.instant();
        int student = jdbc.sql("""
                INSERT INTO email (file_id, kind, status, next_attempt_at, created_at, updated_at)
                SELECT file_id, 'STUDENT_LINK', 'PENDING', :now, :now, :now FROM upload
                WHERE file_id = :fileId AND initiated_at IS NOT NULL AND completed_at IS NOT NULL
                  AND deleted_at IS NULL AND retention_until > :now
                ON CONFLICT (file_id, kind) DO NOTHING
                """)
                .param("fileId", fileId)
                .param("now", ts(now))
                .update();
        if (student > 0) {
            LOG.info("Upload {} is complete: student email queued", fileId);
            publisher.publishEvent(new EmailQueued(fileId));
        }
        if (trainerNotification) {
            int trainer = jdbc.sql("""
                    INSERT INTO email (file_id, kind, status, next_attempt_at, created_at, updated_at)
                    SELECT file_id, 'TRAINER_FIRST_DOWNLOAD', 'PENDING', :now, :now, :now FROM upload
                    WHERE file_id = :fileId AND initiated_at IS NOT NULL AND first_downloaded_at IS NOT NULL
                      AND trainer_email IS NOT NULL AND deleted_at IS NULL AND retention_until > :now
                    ON CONFLICT (file_id, kind) DO NOTHING
                    """)
                    .param("fileId", fileId)
                    .param("now", ts(now))
                    .update();
            if (trainer > 0) {
                LOG.info("Upload {} was downloaded for the first time: trainer email queued", fileId);
                publisher.publishEvent(new EmailQueued(fileId));
            }
        }
    }
}
