package com.apexshare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.apexshare.notification.email.EmailTestAccess;
import com.apexshare.notification.support.Events;

class UploadPurgeSmtpIntegrationTest extends SmtpContextIntegrationTest {

    @Autowired
    EmailTestAccess access;

    @Test
    void shouldPurgeAnUploadAndItsEmailsLongAfterItsRetentionAndKeepCurrentOnes() {
        // Given an emailed upload whose retention ended long ago, and a current one
        UUID ended = UUID.randomUUID();
        UUID current = UUID.randomUUID();
        for (UUID fileId : new UUID[] {ended, current}) {
            Events.publish(Events.initiated(fileId, uniqueAddress("purge")).build());
            Events.publish(Events.completed(fileId));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(emailStatus(ended, "STUDENT_LINK"))
                && "SENT".equals(emailStatus(current, "STUDENT_LINK")));
        jdbc.sql("UPDATE upload SET retention_until = :past WHERE file_id = :id")
                .param("past", Instant.now().minus(Duration.ofDays(30)).atOffset(java.time.ZoneOffset.UTC))
                .param("id", ended).update();

        // When the hourly purge runs
        access.purgeExpired();

        // Then the ended upload and its email are gone (personal data with them), the current one stays
        assertThat(jdbc.sql("SELECT count(*) FROM upload WHERE file_id = :id").param("id", ended)
                .query(Long.class).single()).isZero();
        assertThat(emailStatus(ended, "STUDENT_LINK")).isNull();
        assertThat(emailStatus(current, "STUDENT_LINK")).isEqualTo("SENT");
    }
}
