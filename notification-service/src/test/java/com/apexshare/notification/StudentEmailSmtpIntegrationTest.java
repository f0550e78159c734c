package com.apexshare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.apexshare.events.DeletionReason;
import com.apexshare.events.EmailSent;
import com.apexshare.events.EmailTransport;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadInitiated;
import com.apexshare.events.link.LinkToken;
import com.apexshare.notification.support.Events;
import com.apexshare.notification.support.Mailbox;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

class StudentEmailSmtpIntegrationTest extends SmtpContextIntegrationTest {

    private static final Pattern LINK = Pattern.compile(Pattern.quote(LINK_BASE) + "/d/([A-Za-z0-9_-]+)");

    @Test
    void shouldEmailTheStudentOnceWithALinkWhoseTokenHashIsInEmailSent() throws Exception {
        // Given a started upload
        UUID fileId = UUID.randomUUID();
        String student = uniqueAddress("sam");
        UploadInitiated initiated = Events.initiated(fileId, student).setTrainerName("Tom O'Trainer")
                .setStudentName("Sam Student").build();
        Events.publish(initiated);

        // When it completes
        Events.publish(Events.completed(fileId));

        // Then the student gets one email through SMTP
        await().atMost(Duration.ofSeconds(60)).until(() -> Mailbox.messagesTo(student).size() == 1);
        MimeMessage message = Mailbox.messagesTo(student).get(0);
        assertThat(message.getRecipients(Message.RecipientType.TO)).hasSize(1);
        InternetAddress to = (InternetAddress) message.getRecipients(Message.RecipientType.TO)[0];
        assertThat(to.getAddress()).isEqualTo(student);
        assertThat(to.getPersonal()).isEqualTo("Sam Student");
        assertThat(message.getSubject()).isEqualTo("Your riding session video from Tom O'Trainer is ready");
        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo(FROM);
        assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("ApexShare Videos");
        assertThat(((InternetAddress) message.getReplyTo()[0]).getAddress()).isEqualTo(REPLY_TO);

        // and both parts carry the details and the same link
        String text = Mailbox.part(message, "plain");
        String html = Mailbox.part(message, "html");
        assertThat(text).contains("Tom O'Trainer", "Saturday 17 May 2025", "GX010042.MP4", "3.0 GB",
                "Look further ahead in the chicane.", "Keep your elbows loose.");
        assertThat(html).contains("Tom O&#39;Trainer", "Saturday 17 May 2025", "GX010042.MP4", "3.0 GB",
                "Look further ahead in the chicane.");
        String token = token(text);
        assertThat(token(html)).isEqualTo(token);
        assertThat(token).hasSize(43);

        // and EmailSent carries only the token's SHA-256, the link's expiry and the provider's message id
        await().atMost(Duration.ofSeconds(60)).until(() -> Events.read(Topics.EMAIL_SENT, fileId).size() == 1);
        EmailSent sent = Events.read(Topics.EMAIL_SENT, fileId).get(0);
        assertThat(sent.getLinkTokenSha256()).isEqualTo(LinkToken.parse(token).sha256Hex()).doesNotContain(token);
        assertThat(sent.getLinkExpiresAt()).isEqualTo(initiated.getRetentionUntil());
        assertThat(sent.getTransport()).isEqualTo(EmailTransport.SMTP);
        assertThat(sent.getProviderMessageId()).isEqualTo(message.getMessageID().replaceAll("[<>]", ""));
        assertThat(emailStatus(fileId, "STUDENT_LINK")).isEqualTo("SENT");
    }

    @Test
    void shouldSendOneEmailWhenTheCompletionArrivesBeforeTheInitiation() {
        // Given a completion (twice: client and S3 notification) for an upload this service has not seen started
        UUID fileId = UUID.randomUUID();
        String student = uniqueAddress("early");
        Events.publish(Events.completed(fileId));
        Events.publish(Events.completed(fileId));
        awaitCompletionSignals(fileId, 2);
        assertThat(emailStatus(fileId, "STUDENT_LINK")).isNull();

        // When the initiation arrives late
        Events.publish(Events.initiated(fileId, student).build());

        // Then exactly one email goes out
        await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(emailStatus(fileId, "STUDENT_LINK")));
        assertThat(Mailbox.messagesTo(student)).hasSize(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> outboxRows(fileId) == 0);
        assertThat(Events.read(Topics.EMAIL_SENT, fileId)).hasSize(1);
    }

    @Test
    void shouldNotEmailAboutADeletedUpload() {
        // Given an upload that was aborted before its (late, replayed) completion was processed
        UUID fileId = UUID.randomUUID();
        String student = uniqueAddress("aborted");
        Events.publish(Events.initiated(fileId, student).build());
        Events.publish(Events.deleted(fileId, DeletionReason.ABORTED));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM upload WHERE file_id = :id AND deleted_at IS NOT NULL").param("id", fileId)
                .query(Long.class).single() == 1);

        // When the completion arrives
        Events.publish(Events.completed(fileId));
        awaitCompletionSignals(fileId, 1);

        // Then no email is owed and the personal data is gone
        assertThat(emailStatus(fileId, "STUDENT_LINK")).isNull();
        assertThat(jdbc.sql("SELECT student_email FROM upload WHERE file_id = :id").param("id", fileId)
                .query(String.class).optional()).isEmpty();
        assertThat(Mailbox.messagesTo(student)).isEmpty();
    }

    @Test
    void shouldNotEmailAboutAnUploadWhoseRetentionHasPassed() {
        // Given an upload whose retention ended before it completed
        UUID fileId = UUID.randomUUID();
        String student = uniqueAddress("expired");
        Events.publish(Events.initiated(fileId, student).setRetentionUntil(Instant.now().minusSeconds(60)).build());

        // When it completes
        Events.publish(Events.completed(fileId));
        awaitCompletionSignals(fileId, 1);

        // Then no email is owed
        assertThat(emailStatus(fileId, "STUDENT_LINK")).isNull();
        assertThat(Mailbox.messagesTo(student)).isEmpty();
    }

    private static String token(String body) {
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as("link in %s", body).isTrue();
        String token = m.group(1);
        List<String> all = LINK.matcher(body).results().map(r -> r.group(1)).distinct().toList();
        assertThat(all).containsExactly(token);
        return token;
    }
}
