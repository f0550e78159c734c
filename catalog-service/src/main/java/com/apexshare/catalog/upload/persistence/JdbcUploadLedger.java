package com.apexshare.catalog.upload.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.apexshare.catalog.upload.UploadEvent;
import com.apexshare.catalog.upload.UploadEvent.Completed;
import com.apexshare.catalog.upload.UploadEvent.Deleted;
import com.apexshare.catalog.upload.UploadEvent.Downloaded;
import com.apexshare.catalog.upload.UploadEvent.EmailFailed;
import com.apexshare.catalog.upload.UploadEvent.EmailSent;
import com.apexshare.catalog.upload.UploadEvent.Initiated;
import com.apexshare.catalog.upload.UploadLedger;

/**
 * Applies a batch of events with a handful of set-based statements (arrays through {@code unnest}), whatever the batch
 * size. Every column is merged so that order does not matter: the earliest completion, deletion, expiry and email
 * report win, and a download counts only if its id is new.
 *
 * <p>Locking: the first statement claims every row of the batch in file-id order ({@code INSERT … ORDER BY file_id
 * ON CONFLICT DO UPDATE}, which locks conflicting rows even where it changes nothing), so concurrent consumers and the
 * retention job never wait on each other in a cycle.
 */
@Repository
class JdbcUploadLedger implements UploadLedger {

    /** Epoch milliseconds (bigint) to timestamptz, exactly. */
    private static final String TS = "(timestamptz 'epoch' + %s * interval '1 millisecond')";

    private static final String CLAIM_AND_INITIATE = """
            INSERT INTO upload AS u (file_id, trainer_id, trainer_name, student_email, student_name, session_date,
                    notes, file_name, original_file_name, file_size, content_type, s3_bucket, s3_key, upload_mode,
                    upload_date, retention_until)
            SELECT e.file_id, e.trainer_id, e.trainer_name, e.student_email, e.student_name,
                   DATE '1970-01-01' + e.session_day::int, e.notes, e.file_name, e.original_file_name, e.file_size,
                   e.content_type, e.s3_bucket, e.s3_key, e.upload_mode, %s, %s
            FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[],
                        ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[])
                 AS e(file_id, trainer_id, trainer_name, student_email, student_name, session_day, notes, file_name,
                      original_file_name, file_size, content_type, s3_bucket, s3_key, upload_mode, initiated_ms,
                      retention_ms)
            ORDER BY e.file_id
            ON CONFLICT (file_id) DO UPDATE SET
                trainer_id = excluded.trainer_id, trainer_name = excluded.trainer_name,
                student_email = CASE WHEN u.expired_at IS NULL THEN excluded.student_email END,
                student_name = CASE WHEN u.expired_at IS NULL THEN excluded.student_name END,
                notes = CASE WHEN u.expired_at IS NULL THEN excluded.notes END,
                session_date = excluded.session_date, file_name = excluded.file_name,
                original_file_name = excluded.original_file_name, file_size = excluded.file_size,
                content_type = excluded.content_type, s3_bucket = excluded.s3_bucket, s3_key = excluded.s3_key,
                upload_mode = excluded.upload_mode, upload_date = excluded.upload_date,
                retention_until = excluded.retention_until
            WHERE excluded.upload_date IS NOT NULL AND (u.upload_date IS NULL OR excluded.upload_date < u.upload_date)
            """.formatted(TS.formatted("e.initiated_ms"), TS.formatted("e.retention_ms"));

    private static final String COMPLETE = """
            UPDATE upload u SET completed_at = e.at, stored_size = e.size, etag = e.etag
            FROM (SELECT x.file_id, %s AS at, x.size, x.etag
                  FROM unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::text[]) AS x(file_id, ms, size, etag)) e
            WHERE u.file_id = e.file_id AND (u.completed_at IS NULL OR e.at < u.completed_at)
            """.formatted(TS.formatted("x.ms"));

    private static final String DELETE = """
            UPDATE upload u SET deleted_at = e.at, deletion_reason = e.reason
            FROM (SELECT x.file_id, %s AS at, x.reason
                  FROM unnest(?::uuid[], ?::bigint[], ?::text[]) AS x(file_id, ms, reason)) e
            WHERE u.file_id = e.file_id AND (u.deleted_at IS NULL OR e.at < u.deleted_at)
            """.formatted(TS.formatted("x.ms"));

    /** The end of retention also erases the student's personal data; the row stays as the upload's tombstone. */
    private static final String EXPIRE = """
            UPDATE upload u SET expired_at = e.at, student_email = NULL, student_name = NULL, notes = NULL
            FROM (SELECT x.file_id, %s AS at
                  FROM unnest(?::uuid[], ?::bigint[]) AS x(file_id, ms)) e
            WHERE u.file_id = e.file_id AND (u.expired_at IS NULL OR e.at < u.expired_at)
            """.formatted(TS.formatted("x.ms"));

    private static final String EMAIL_SENT = """
            UPDATE upload u SET email_sent_at = e.at
            FROM (SELECT x.file_id, %s AS at FROM unnest(?::uuid[], ?::bigint[]) AS x(file_id, ms)) e
            WHERE u.file_id = e.file_id AND (u.email_sent_at IS NULL OR e.at < u.email_sent_at)
            """.formatted(TS.formatted("x.ms"));

    private static final String EMAIL_FAILED = """
            UPDATE upload u SET email_failed_at = e.at, email_failure_reason = e.reason
            FROM (SELECT x.file_id, %s AS at, x.reason
                  FROM unnest(?::uuid[], ?::bigint[], ?::text[]) AS x(file_id, ms, reason)) e
            WHERE u.file_id = e.file_id AND (u.email_failed_at IS NULL OR e.at < u.email_failed_at)
            """.formatted(TS.formatted("x.ms"));

    private static final String DOWNLOAD = """
            WITH fresh AS (
                INSERT INTO download (download_id, file_id, downloaded_at)
                SELECT x.download_id, x.file_id, %s
                FROM unnest(?::uuid[], ?::uuid[], ?::bigint[]) AS x(download_id, file_id, ms)
                ON CONFLICT (download_id) DO NOTHING
                RETURNING file_id, downloaded_at
            ), per_file AS (
                SELECT file_id, count(*) AS n, max(downloaded_at) AS last FROM fresh GROUP BY file_id
            )
            UPDATE upload u SET download_count = u.download_count + p.n,
                                last_download_at = GREATEST(u.last_download_at, p.last)
            FROM per_file p
            WHERE u.file_id = p.file_id
            """.formatted(TS.formatted("x.ms"));

    private final JdbcTemplate jdbc;

    JdbcUploadLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void apply(List<? extends UploadEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Batch batch = new Batch();
        events.forEach(batch::add);
        claimAndInitiate(batch);
        if (!batch.completed.isEmpty()) {
            execute(COMPLETE, batch.completed.values(), Completed::fileId,
                    column("bigint", e -> e.completedAt().toEpochMilli()), column("bigint", Completed::size),
                    column("text", Completed::eTag));
        }
        if (!batch.deleted.isEmpty()) {
            execute(DELETE, batch.deleted.values(), Deleted::fileId,
                    column("bigint", e -> e.deletedAt().toEpochMilli()), column("text", Deleted::reason));
        }
        if (!batch.expired.isEmpty()) {
            execute(EXPIRE, batch.expired.values(), Deleted::fileId,
                    column("bigint", e -> e.deletedAt().toEpochMilli()));
        }
        if (!batch.emailSent.isEmpty()) {
            execute(EMAIL_SENT, batch.emailSent.values(), EmailSent::fileId,
                    column("bigint", e -> e.sentAt().toEpochMilli()));
        }
        if (!batch.emailFailed.isEmpty()) {
            execute(EMAIL_FAILED, batch.emailFailed.values(), EmailFailed::fileId,
                    column("bigint", e -> e.failedAt().toEpochMilli()), column("text", EmailFailed::reason));
        }
        if (!batch.downloaded.isEmpty()) {
            execute(DOWNLOAD, batch.downloaded.values(), Downloaded::downloadId,
                    column("uuid", Downloaded::fileId), column("bigint", e -> e.downloadedAt().toEpochMilli()));
        }
    }

    /** Every row of the batch is claimed (created when missing) in one statement; initiations fill theirs in. */
    private void claimAndInitiate(Batch batch) {
        List<Initiated> rows = new ArrayList<>(batch.fileIds.size());
        for (UUID fileId : batch.fileIds) {
            Initiated initiated = batch.initiated.get(fileId);
            rows.add(initiated != null ? initiated
                    : new Initiated(fileId, null, null, null, null, null, null, null, null, null, 0, null, null, null,
                            null, null));
        }
        execute(CLAIM_AND_INITIATE, rows, Initiated::fileId,
                column("text", Initiated::trainerId), column("text", Initiated::trainerName),
                column("text", Initiated::studentEmail), column("text", Initiated::studentName),
                column("bigint", e -> e.sessionDate() == null ? null : e.sessionDate().toEpochDay()),
                column("text", Initiated::notes), column("text", Initiated::fileName),
                column("text", Initiated::originalFileName),
                column("bigint", e -> e.initiatedAt() == null ? null : e.fileSize()),
                column("text", Initiated::contentType), column("text", Initiated::bucket),
                column("text", Initiated::objectKey), column("text", Initiated::uploadMode),
                column("bigint", e -> millis(e.initiatedAt())), column("bigint", e -> millis(e.retentionUntil())));
    }

    @SafeVarargs
    private <E> void execute(String sql, java.util.Collection<E> rows, Function<E, UUID> key,
            Column<E>... columns) {
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setArray(1, array(connection, "uuid", rows, key));
            for (int i = 0; i < columns.length; i++) {
                statement.setArray(i + 2, array(connection, columns[i].sqlType(), rows, columns[i].value()));
            }
            return statement;
        });
    }

    private static <E> Array array(Connection connection, String sqlType, java.util.Collection<E> rows,
            Function<E, ?> value) throws SQLException {
        Object[] values = new Object[rows.size()];
        int i = 0;
        for (E row : rows) {
            values[i++] = value.apply(row);
        }
        return connection.createArrayOf(sqlType, values);
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static <E> Column<E> column(String sqlType, Function<E, ?> value) {
        return new Column<>(sqlType, value);
    }

    private record Column<E>(String sqlType, Function<E, ?> value) {
    }

    /**
     * The batch folded per file id with the same rules as the SQL (earliest wins), so that no statement meets the
     * same row twice.
     */
    private static final class Batch {

        final TreeSet<UUID> fileIds = new TreeSet<>();
        final Map<UUID, Initiated> initiated = new LinkedHashMap<>();
        final Map<UUID, Completed> completed = new LinkedHashMap<>();
        final Map<UUID, Deleted> deleted = new LinkedHashMap<>();
        final Map<UUID, Deleted> expired = new LinkedHashMap<>();
        final Map<UUID, EmailSent> emailSent = new LinkedHashMap<>();
        final Map<UUID, EmailFailed> emailFailed = new LinkedHashMap<>();
        final Map<UUID, Downloaded> downloaded = new LinkedHashMap<>();

        void add(UploadEvent event) {
            fileIds.add(event.fileId());
            if (event instanceof Initiated e) {
                earliest(initiated, e.fileId(), e, Initiated::initiatedAt);
            } else if (event instanceof Completed e) {
                earliest(completed, e.fileId(), e, Completed::completedAt);
            } else if (event instanceof Deleted e) {
                earliest(e.expired() ? expired : deleted, e.fileId(), e, Deleted::deletedAt);
            } else if (event instanceof EmailSent e) {
                earliest(emailSent, e.fileId(), e, EmailSent::sentAt);
            } else if (event instanceof EmailFailed e) {
                earliest(emailFailed, e.fileId(), e, EmailFailed::failedAt);
            } else if (event instanceof Downloaded e) {
                earliest(downloaded, e.downloadId(), e, Downloaded::downloadedAt);
            }
        }

        private static <E> void earliest(Map<UUID, E> map, UUID key, E event, Function<E, Instant> time) {
            map.merge(key, event, (a, b) -> Comparator.comparing(time).compare(b, a) < 0 ? b : a);
        }
    }
}
