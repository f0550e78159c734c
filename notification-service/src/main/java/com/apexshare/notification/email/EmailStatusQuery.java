package com.apexshare.notification.email;

import static com.apexshare.notification.email.Sql.instant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read side for the status API: the emails of one upload, for its own trainer only. */
@Service
public class EmailStatusQuery {

    /** State of one email; never the address, never the token. */
    public record EmailState(EmailKind kind, EmailStatus status, int attempts, Instant nextAttemptAt, Instant sentAt,
            String transport, Instant linkExpiresAt, String failureReason) {
    }

    private final JdbcClient jdbc;

    EmailStatusQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws UploadNotFound when the upload is unknown here or belongs to another trainer */
    public List<EmailState> emailsOf(UUID fileId, String trainerId) {
        boolean owned = jdbc.sql("SELECT count(*) FROM upload WHERE file_id = :fileId AND trainer_id = :trainerId")
                .param("fileId", fileId)
                .param("trainerId", trainerId)
                .query(Long.class)
                .single() > 0;
        if (!owned) {
            throw new UploadNotFound(fileId);
        }
        return jdbc.sql("""
                SELECT kind, status, attempts, next_attempt_at, sent_at, transport, link_expires_at, failure_reason
                FROM email WHERE file_id = :fileId ORDER BY created_at
                """)
                .param("fileId", fileId)
                .query((rs, n) -> {
                    EmailStatus status = EmailStatus.valueOf(rs.getString("status"));
                    return new EmailState(EmailKind.valueOf(rs.getString("kind")), status, rs.getInt("attempts"),
                            status == EmailStatus.PENDING ? instant(rs, "next_attempt_at") : null,
                            instant(rs, "sent_at"), rs.getString("transport"), instant(rs, "link_expires_at"),
                            rs.getString("failure_reason"));
                })
                .list();
    }
}
