package com.apexshare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.apexshare.events.Topics;
import com.apexshare.notification.support.Events;
import com.apexshare.notification.support.Mailbox;

import jakarta.mail.internet.MimeMessage;

class TrainerFirstDownloadIntegrationTest extends SmtpContextIntegrationTest {

    @Test
    void shouldEmailTheTrainerOnceOnTheFirstDownload() throws Exception {
        // Given a completed upload whose student got the link
        UUID fileId = UUID.randomUUID();
        String trainer = uniqueAddress("coach");
        Events.publish(Events.initiated(fileId, uniqueAddress("rider")).setTrainerEmail(trainer)
                .setStudentName("Robin Rider").build());
        Events.publish(Events.completed(fileId));

        // When the student downloads it three times
        for (int i = 0; i < 3; i++) {
            Events.publish(Events.downloaded(fileId));
        }

        // Then the trainer gets exactly one email, and it is not an EmailSent (that one is the student's)
        await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(emailStatus(fileId, "TRAINER_FIRST_DOWNLOAD"))
                && "SENT".equals(emailStatus(fileId, "STUDENT_LINK")));
        assertThat(Mailbox.messagesTo(trainer)).hasSize(1);
        MimeMessage message = Mailbox.messagesTo(trainer).get(0);
        assertThat(message.getSubject()).isEqualTo("Your riding session video for Robin Rider was downloaded");
        assertThat(Mailbox.part(message, "plain")).contains("Robin Rider", "for the first time");
        await().atMost(Duration.ofSeconds(60)).until(() -> outboxRows(fileId) == 0);
        assertThat(Events.read(Topics.EMAIL_SENT, fileId)).hasSize(1);
    }

    @Test
    void shouldNotEmailATrainerWithoutAnAddress() {
        // Given an upload whose trainer's token had no email, downloaded before this service saw it start
        UUID fileId = UUID.randomUUID();
        Events.publish(Events.downloaded(fileId));
        Events.publish(Events.initiated(fileId, uniqueAddress("rider")).setTrainerEmail(null).build());

        // When it completes
        Events.publish(Events.completed(fileId));
        awaitCompletionSignals(fileId, 1);

        // Then only the student's email is owed
        await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(emailStatus(fileId, "STUDENT_LINK")));
        assertThat(emailStatus(fileId, "TRAINER_FIRST_DOWNLOAD")).isNull();
    }
}
