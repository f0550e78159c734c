package com.apexshare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.apexshare.notification.email.TrainerDigestJob;
import com.apexshare.notification.support.Events;
import com.apexshare.notification.support.Mailbox;

import jakarta.mail.internet.MimeMessage;

/**
 * The trainer's daily digest (off by default; the job is asked directly here): one email per trainer and day, listing
 * what was not downloaded yet and what was since yesterday, however often the day's run repeats.
 */
class TrainerDigestSmtpIntegrationTest extends SmtpContextIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    TrainerDigestJob digests;

    @Test
    void shouldSendEachTrainerOneDigestADayWithWhatWasAndWasNotDownloaded() throws Exception {
        // Given a trainer with two emailed uploads, one of them downloaded
        String trainer = "trainer-" + UUID.randomUUID();
        String address = uniqueAddress("coach");
        UUID waiting = UUID.randomUUID();
        UUID fetched = UUID.randomUUID();
        for (UUID fileId : List.of(waiting, fetched)) {
            Events.publish(Events.initiated(fileId, uniqueAddress("rider")).setTrainerId(trainer)
                    .setTrainerEmail(address).setTrainerName("Dana Coach")
                    .setStudentName(fileId.equals(waiting) ? "Wes Waiting" : "Fay Fetched")
                    .setFileName(fileId.equals(waiting) ? "WAIT.MP4" : "GOT.MP4").build());
            Events.publish(Events.completed(fileId));
        }
        Events.publish(Events.downloaded(fetched));
        await().atMost(WAIT).until(() -> "SENT".equals(emailStatus(waiting, "STUDENT_LINK"))
                && "SENT".equals(emailStatus(fetched, "TRAINER_FIRST_DOWNLOAD")));

        // When the day's digests go out, and the run repeats (another replica, the next interval)
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        digests.sendFor(today);
        digests.sendFor(today);

        // Then the trainer has exactly one digest, naming the waiting upload and the downloaded one
        List<MimeMessage> digest = Mailbox.messagesTo(address).stream()
                .filter(m -> subject(m).startsWith("Your ApexShare uploads")).toList();
        assertThat(digest).hasSize(1);
        assertThat(subject(digest.get(0))).isEqualTo("Your ApexShare uploads: 1 not downloaded yet");
        String text = Mailbox.part(digest.get(0), "plain");
        assertThat(text).contains("Hello Dana Coach", "Not downloaded yet:", "WAIT.MP4 for Wes Waiting",
                "Downloaded since yesterday:", "GOT.MP4 by Fay Fetched");
        assertThat(Mailbox.part(digest.get(0), "html")).contains("WAIT.MP4", "Wes Waiting");
        assertThat(jdbc.sql("SELECT status FROM trainer_digest WHERE trainer_id = :t AND day = :d")
                .param("t", trainer).param("d", today).query(String.class).single()).isEqualTo("SENT");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
