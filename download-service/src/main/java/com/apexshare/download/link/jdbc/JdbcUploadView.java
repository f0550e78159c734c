package com.apexshare.download.link.jdbc;

import static com.apexshare.download.link.jdbc.Timestamps.utc;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.apexshare.download.link.UploadView;

/**
 * Each event writes only its own columns with {@code INSERT ... ON CONFLICT}, so rows assemble in whatever order the
 * events arrive. Redeliveries write the same values again; the first completion and the first deletion are kept.
 */
@Repository
class JdbcUploadView implements UploadView {

    private final JdbcClient jdbc;

    JdbcUploadView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void initiated(InitiatedUpload u) {
        jdbc.sql("""
                INSERT INTO upload_view (file_id, initiated_at, trainer_name, session_date, notes, file_name,
                                         content_type, declared_size, retention_until, bucket, object_key)
                VALUES (:fileId, :initiatedAt, :trainerName, :sessionDate, :notes, :fileName,
                        :contentType, :declaredSize, :retentionUntil, :bucket, :objectKey)
                ON CONFLICT (file_id) DO UPDATE SET
                    initiated_at = EXCLUDED.initiated_at,
                    trainer_name = EXCLUDED.trainer_name,
                    session_date = EXCLUDED.session_date,
                    notes = EXCLUDED.notes,
                    file_name = EXCLUDED.file_name,
                    content_type = EXCLUDED.content_type,
                    declared_size = EXCLUDED.declared_size,
                    retention_until = EXCLUDED.retention_until,
                    -- where the bytes actually are (UploadCompleted) wins over the reservation
                    bucket = CASE WHEN upload_view.completed_at IS NULL THEN EXCLUDED.bucket ELSE upload_view.bucket END,
                    object_key = CASE WHEN upload_view.completed_at IS NULL THEN EXCLUDED.object_key
                                      ELSE upload_view.object_key END,
                    updated_at = now()
                """)
                .param("fileId", u.fileId())
                .param("initiatedAt", utc(u.initiatedAt()))
                .param("trainerName", u.trainerName())
                .param("sessionDate", u.sessionDate())
                .param("notes", u.notes())
                .param("fileName", u.fileName())
                .param("contentType", u.contentType())
                .param("declaredSize", u.declaredSize())
                .param("retentionUntil", utc(u.retentionUntil()))
                .param("bucket", u.bucket())
                .param("objectKey", u.objectKey())
                .update();
    }

    @Override
    public void completed(CompletedUpload u) {
        jdbc.sql("""
                INSERT INTO upload_view (file_id, completed_at, bucket, object_key, stored_size, e_tag)
                VALUES (:fileId, :completedAt, :bucket, :objectKey, :size, :eTag)
                ON CONFLICT (file_id) DO UPDATE SET
                    completed_at = LEAST(upload_view.completed_at, EXCLUDED.completed_at),
                    bucket = EXCLUDED.bucket,
                    object_key = EXCLUDED.object_key,
                    stored_size = EXCLUDED.stored_size,
                    e_tag = EXCLUDED.e_tag,
                    updated_at = now()
                """)
                .param("fileId", u.fileId())
                .param("completedAt", utc(u.completedAt()))
                .param("bucket", u.bucket())
                .param("objectKey", u.objectKey())
                .param("size", u.size())
                .param("eTag", u.eTag())
                .update();
    }

    @Override
    public void deleted(DeletedUpload u) {
        jdbc.sql("""
                INSERT INTO upload_view (file_id, deleted_at, deletion_reason)
                VALUES (:fileId, :deletedAt, :reason)
                ON CONFLICT (file_id) DO UPDATE SET
                    deletion_reason = CASE WHEN upload_view.deleted_at IS NULL THEN EXCLUDED.deletion_reason
                                           ELSE upload_view.deletion_reason END,
                    deleted_at = LEAST(upload_view.deleted_at, EXCLUDED.deleted_at),
                    updated_at = now()
                """)
                .param("fileId", u.fileId())
                .param("deletedAt", utc(u.deletedAt()))
                .param("reason", u.reason())
                .update();
    }

    @Override
    @Transactional
    public int forgetEndedBefore(Instant cutoff) {
        List<UUID> ended = jdbc.sql("""
                DELETE FROM upload_view
                 WHERE COALESCE(deleted_at, retention_until) < :cutoff
                RETURNING file_id
                """)
                .param("cutoff", utc(cutoff))
                .query(UUID.class).list();
        if (!ended.isEmpty()) {
            jdbc.sql("DELETE FROM link_token WHERE file_id = ANY(:ids)")
                    .param("ids", ended.toArray(new UUID[0])).update();
        }
        // Links whose upload never appeared (its events lost or still dead-lettered) end with the link itself.
        jdbc.sql("""
                DELETE FROM link_token t
                 WHERE t.expires_at < :cutoff
                   AND NOT EXISTS (SELECT 1 FROM upload_view v WHERE v.file_id = t.file_id)
                """)
                .param("cutoff", utc(cutoff)).update();
        return ended.size();
    }

    @Override
    public void linkSent(SentLink link) {
        jdbc.sql("""
                INSERT INTO link_token (token_sha256, file_id, expires_at, sent_at)
                VALUES (:tokenSha256, :fileId, :expiresAt, :sentAt)
                ON CONFLICT (token_sha256) DO NOTHING
                """)
                .param("tokenSha256", link.tokenSha256())
                .param("fileId", link.fileId())
                .param("expiresAt", utc(link.expiresAt()))
                .param("sentAt", utc(link.sentAt()))
                .update();
    }
}
