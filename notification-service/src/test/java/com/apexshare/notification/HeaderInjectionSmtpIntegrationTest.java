package com.apexshare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.apexshare.notification.support.Events;
import com.apexshare.notification.support.Mailbox;

import jakarta.mail.internet.MimeMessage;

class HeaderInjectionSmtpIntegrationTest extends SmtpContextIntegrationTest {

    @Test
    void shouldNeitherInjectHeadersNorHtmlFromHostileNamesAndNotes() throws Exception {
        // Given uploads whose trainer name, student name, notes and file name are hostile
        Map<String, String> students = new LinkedHashMap<>();
        for (String hostile : HostileInput.VALUES) {
            UUID fileId = UUID.randomUUID();
            String student = uniqueAddress("hostile");
            students.put(student, hostile);
            Events.publish(Events.initiated(fileId, student).setTrainerName(hostile).setStudentName(hostile)
                    .setNotes(hostile).setFileName(hostile).build());
            Events.publish(Events.completed(fileId));
        }

        // When their emails go out through SMTP
        await().atMost(Duration.ofSeconds(120))
                .until(() -> students.keySet().stream().allMatch(s -> Mailbox.messagesTo(s).size() == 1));

        // Then each has exactly the expected headers, one recipient, and only the template's HTML
        for (Map.Entry<String, String> student : students.entrySet()) {
            MimeMessage message = Mailbox.messagesTo(student.getKey()).get(0);
            HostileInput.assertNoInjectedHeader(Mailbox.raw(message), student.getKey(), student.getValue());
        }
        assertThat(Mailbox.messagesTo(HostileInput.ATTACKER)).isEmpty();
        assertThat(Mailbox.messagesTo("victim@evil.test")).isEmpty();
    }
}
