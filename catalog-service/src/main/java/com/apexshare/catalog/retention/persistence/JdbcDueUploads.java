package com.apexshare.catalog.retention.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.apexshare.catalog.retention.DueUploads;

/** Uses the partial index {@code upload_retention_due (retention_until) WHERE expired_at IS NULL}. */
@Repository
class JdbcDueUploads implements DueUploads {

    private static final String CLAIM = """
            SELECT file_id, s3_bucket, s3_key FROM upload
            WHERE expired_at IS NULL AND retention_until <= ?
            ORDER BY retention_until
            LIMIT ?
            FOR UPDATE SKIP LOCKED
            """;

    private final JdbcTemplate jdbc;

    JdbcDueUploads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DueUpload> claim(Instant now, int limit) {
        return jdbc.query(CLAIM, (rs, i) -> new DueUpload(rs.getObject("file_id", UUID.class),
                rs.getString("s3_bucket"), rs.getString("s3_key")), OffsetDateTime.ofInstant(now, ZoneOffset.UTC), limit);
    }
}
