package com.apexshare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.apexshare.events.EmailPurpose;
import com.apexshare.events.EmailSent;
import com.apexshare.events.ReminderSettingChanged;
import com.apexshare.events.Topics;
import com.apexshare.notification.email.ReminderJob;
import com.apexshare.notification.support.Events;
import com.apexshare.notification.support.Mailbox;

/**
 * The reminder: exactly one to a student who has not downloaded a while after the link email, however many replicas
 * look at once; none after a download, none when the trainer switched it off. "A while" is four seconds here (48 hours
 * in production); a context of its own, closed after the class, so that no other test's student is reminded.
 */
@TestPropertySource(properties = {"apexshare.notification.reminders.after=PT4S",
        "apexshare.notification.reminders.late-limit=PT5M", "apexshare.notification.reminders.interval=PT0.5S"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReminderSmtpIntegrationTest extends SmtpContextIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration AFTER = Duration.ofSeconds(4);

    @Autowired
    ReminderJob reminders;

    private static KafkaListenerEndpointRegistry shared;

    @BeforeAll
    static void onlyThisContextConsumes() {
        // The shared context would otherwise take half the partitions (same group) with its 48-hour reminders.
        shared = currentListeners();
        pauseListeners();
    }

    @AfterAll
    static void giveTheTopicsBack() {
        // This context is closed after the class: pause and resume act on the shared one's listeners again.
        restoreListeners(shared);
        resumeListeners();
    }

    @Test
    void shouldRemindAStudentWhoHasNotDownloadedExactlyOnceWhateverTheReplicas() throws Exception {
        // Given a completed upload whose student got the link email and has not downloaded
        UUID fileId = UUID.randomUUID();
        String student = uniqueAddress("forgetful");
        Instant sentAt = completedAndEmailed(fileId, student);

        // When the reminder is due and four replicas look for due reminders at the same moment (besides the job's own
        // scheduled runs)
        await().atMost(WAIT).until(() -> Instant.now().isAfter(sentAt.plus(AFTER)));
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> looks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                looks.add(reminders::oweDue);
            }
            for (Future<Integer> look : replicas.invokeAll(looks)) {
                look.get();
            }
        } finally {
            replicas.shutdown();
        }

        // Then the student gets exactly one reminder, with a fresh link, announced as REMINDER
        await().atMost(WAIT).until(() -> "SENT".equals(emailStatus(fileId, "STUDENT_REMINDER")));
        assertThat(Mailbox.messagesTo(student)).hasSize(2);
        assertThat(Mailbox.messagesTo(student).get(1).getSubject())
                .isEqualTo("Reminder: your riding session video from Tom Trainer is waiting");
        await().atMost(WAIT).until(() -> Events.read(Topics.EMAIL_SENT, fileId).size() >= 2);
        List<EmailSent> sent = Events.read(Topics.EMAIL_SENT, fileId);
        assertThat(sent).extracting(EmailSent::getPurpose).containsExactly(EmailPurpose.FIRST, EmailPurpose.REMINDER);
        assertThat(sent.get(1).getLinkTokenSha256()).isNotEqualTo(sent.get(0).getLinkTokenSha256());
        // and looking again owes this upload nothing more (the database is shared: other classes' uploads fall due
        // with this context's short delay, so the job's own count is not this upload's)
        reminders.oweDue();
        assertThat(jdbc.sql("SELECT count(*) FROM email WHERE file_id = :id AND kind = 'STUDENT_REMINDER'")
                .param("id", fileId).query(Long.class).single()).isEqualTo(1);
        assertThat(Mailbox.messagesTo(student)).hasSize(2);
    }

    @Test
    void shouldNotRemindAStudentWhoDownloadedOrWhoseTrainerSwitchedTheReminderOff() {
        // Given one upload its student downloaded and one whose trainer switched the reminder off, before either was due
        UUID downloaded = UUID.randomUUID();
        UUID switchedOff = UUID.randomUUID();
        String downloader = uniqueAddress("keen");
        String other = uniqueAddress("quiet");
        Instant firstSent = completedAndEmailed(downloaded, downloader);
        completedAndEmailed(switchedOff, other);
        Events.publish(Events.downloaded(downloaded));
        Events.publish(Topics.REMINDER_SETTING_CHANGED, ReminderSettingChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setFileId(switchedOff.toString()).setRemindersEnabled(false).setRevision(1).build());
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM upload WHERE (file_id = :a AND "
                + "first_downloaded_at IS NOT NULL) OR (file_id = :b AND NOT reminders_enabled)")
                .param("a", downloaded).param("b", switchedOff).query(Long.class).single() == 2);

        // When both are past due and the job looks
        await().atMost(WAIT).until(() -> Instant.now().isAfter(firstSent.plus(AFTER).plusSeconds(1)));
        reminders.oweDue();

        // Then neither is owed a reminder, and neither student got more than the link email
        assertThat(emailStatus(downloaded, "STUDENT_REMINDER")).isNull();
        assertThat(emailStatus(switchedOff, "STUDENT_REMINDER")).isNull();
        assertThat(Mailbox.messagesTo(downloader)).hasSize(1);
        assertThat(Mailbox.messagesTo(other)).hasSize(1);
    }

    /** Initiated, completed and the link email sent; when it was sent. */
    private Instant completedAndEmailed(UUID fileId, String student) {
        Events.publish(Events.initiated(fileId, student).setTrainerEmail(null).build());
        Events.publish(Events.completed(fileId));
        await().atMost(WAIT).until(() -> "SENT".equals(emailStatus(fileId, "STUDENT_LINK")));
        return jdbc.sql("SELECT sent_at FROM email WHERE file_id = :id AND kind = 'STUDENT_LINK'")
                .param("id", fileId).query(Instant.class).single();
    }
}
