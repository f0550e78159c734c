package com.apexshare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.apexshare.devstack.DevStack;
import com.apexshare.events.EmailFailed;
import com.apexshare.events.EmailFailureReason;
import com.apexshare.events.Topics;
import com.apexshare.notification.email.EmailTestAccess;
import com.apexshare.notification.support.Events;

class EmailFailureSmtpIntegrationTest extends SmtpContextIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    EmailTestAccess access;

    @Test
    void shouldRecordAndPublishAnInvalidRecipientWithoutRetrying() {
        // Given an upload whose student address cannot be a single recipient
        UUID fileId = UUID.randomUUID();
        Events.publish(Events.initiated(fileId, "sam@riders.test\r\nBcc: attacker@evil.test").build());

        // When it completes
        Events.publish(Events.completed(fileId));

        // Then the email fails permanently after one attempt and EmailFailed says why, without the address
        await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(emailStatus(fileId, "STUDENT_LINK")));
        assertThat(jdbc.sql("SELECT attempts FROM email WHERE file_id = :id").param("id", fileId)
                .query(Integer.class).single()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> Events.read(Topics.EMAIL_FAILED, fileId).size() == 1);
        EmailFailed failed = Events.read(Topics.EMAIL_FAILED, fileId).get(0);
        assertThat(failed.getReason()).isEqualTo(EmailFailureReason.INVALID_RECIPIENT);
        assertThat(failed.getDetail()).doesNotContain("@");
        assertThat(Events.read(Topics.EMAIL_SENT, fileId)).isEmpty();
    }

    @Test
    void shouldShowTheTrainerTheEmailStatusOfOwnUploadsOnly() throws Exception {
        // Given a completed upload of trainer A
        UUID fileId = UUID.randomUUID();
        String trainerId = "trainer-" + fileId;
        Events.publish(Events.initiated(fileId, uniqueAddress("api")).build());
        Events.publish(Events.completed(fileId));
        await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(emailStatus(fileId, "STUDENT_LINK")));

        // When trainer A and trainer B ask for its email status
        HttpResponse<String> own = get("/api/v1/notifications/" + fileId,
                DevStack.identity().trainerToken(trainerId, "A", null));
        HttpResponse<String> other = get("/api/v1/notifications/" + fileId,
                DevStack.identity().trainerToken("someone-else", "B", null));
        HttpResponse<String> malformed = get("/api/v1/notifications/not-a-uuid",
                DevStack.identity().trainerToken(trainerId, "A", null));

        // Then A sees it, B learns nothing, a bad id is a clear 400
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("\"success\":true", "\"kind\":\"STUDENT_LINK\"", "\"status\":\"SENT\"",
                "\"transport\":\"SMTP\"").doesNotContain("@riders.test");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).contains("\"code\":\"UPLOAD_NOT_FOUND\"");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"success\":false");
    }

    @Test
    void shouldReportAnEmailStuckInSendingAndNeverSendItAgain() {
        // Given an email whose provider call started long ago and whose outcome was never recorded (a crash)
        UUID fileId = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO upload (file_id, trainer_id, trainer_name, student_email, student_name, file_name,
                                    file_size, retention_until, initiated_at, completed_at, updated_at)
                VALUES (:id, 't', 'T', 'stuck@riders.test', 'S', 'f.mp4', 1, now() + interval '1 day', now(), now(), now())
                """).param("id", fileId).update();
        jdbc.sql("""
                INSERT INTO email (file_id, kind, status, attempts, next_attempt_at, claimed_at, created_at, updated_at)
                VALUES (:id, 'STUDENT_LINK', 'SENDING', 1, now() - interval '1 hour', now() - interval '1 hour',
                        now(), now())
                """).param("id", fileId).update();

        // When the dispatcher runs and the gauges refresh
        access.dispatchOnce();
        access.refreshGauges();

        // Then the email is reported stuck, and still not sent again
        assertThat(meters.get("apexshare.emails.stuck").gauge().value()).isGreaterThanOrEqualTo(1.0);
        assertThat(emailStatus(fileId, "STUDENT_LINK")).isEqualTo("SENDING");
        assertThat(jdbc.sql("SELECT attempts FROM email WHERE file_id = :id").param("id", fileId)
                .query(Integer.class).single()).isEqualTo(1);

        // and an operator closes it after checking the provider's log (README, "Stuck emails")
        jdbc.sql("UPDATE email SET status = 'FAILED', failure_reason = 'OTHER' WHERE file_id = :id AND status = 'SENDING'")
                .param("id", fileId).update();
        access.refreshGauges();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
