package com.apexshare.download.link.jdbc;

import static com.apexshare.download.link.jdbc.Timestamps.instant;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.apexshare.download.link.LinkRecord;
import com.apexshare.download.link.LinkStore;

/** One indexed look-up per link opening: the token row by primary key, joined with its upload's row. */
@Repository
class JdbcLinkStore implements LinkStore {

    private final JdbcClient jdbc;

    JdbcLinkStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<LinkRecord> findByTokenSha256(String tokenSha256) {
        return jdbc.sql("""
                SELECT t.file_id, t.expires_at, v.initiated_at, v.completed_at, v.deleted_at, v.retention_until,
                       v.bucket, v.object_key, v.file_name, v.content_type,
                       COALESCE(v.stored_size, v.declared_size) AS file_size,
                       v.session_date, v.trainer_name, v.notes
                  FROM link_token t
                  LEFT JOIN upload_view v ON v.file_id = t.file_id
                 WHERE t.token_sha256 = :hash
                """)
                .param("hash", tokenSha256)
                .query((rs, row) -> new LinkRecord(
                        rs.getObject("file_id", UUID.class),
                        instant(rs, "expires_at"),
                        instant(rs, "initiated_at"),
                        instant(rs, "completed_at"),
                        instant(rs, "deleted_at"),
                        instant(rs, "retention_until"),
                        rs.getString("bucket"),
                        rs.getString("object_key"),
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getObject("file_size", Long.class),
                        rs.getObject("session_date", LocalDate.class),
                        rs.getString("trainer_name"),
                        rs.getString("notes")))
                .optional();
    }
}
