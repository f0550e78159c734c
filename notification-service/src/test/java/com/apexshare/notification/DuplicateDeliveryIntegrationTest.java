package com.apexshare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import com.apexshare.events.Topics;
import com.apexshare.events.UploadCompleted;
import com.apexshare.notification.support.Events;
import com.apexshare.notification.support.Mailbox;

class DuplicateDeliveryIntegrationTest extends SmtpContextIntegrationTest {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void shouldSendExactlyOneEmailForFiveDuplicatesAndAListenerRestart() {
        // Given a started upload
        UUID fileId = UUID.randomUUID();
        String student = uniqueAddress("dup");
        Events.publish(Events.initiated(fileId, student).build());

        // When the same UploadCompleted is delivered five times
        UploadCompleted completed = Events.completed(fileId);
        for (int i = 0; i < 5; i++) {
            Events.publish(completed);
        }
        awaitCompletionSignals(fileId, 5);
        await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(emailStatus(fileId, "STUDENT_LINK")));

        // and the completion listener restarts and receives it again (a rebalance, a redeployment)
        MessageListenerContainer container = listeners.getListenerContainer("notification-upload-completed");
        assertThat(container).isNotNull();
        container.stop();
        await().atMost(Duration.ofSeconds(60)).until(() -> !container.isRunning());
        Events.publish(completed);
        Events.publish(Events.completed(fileId));
        container.start();
        awaitCompletionSignals(fileId, 7);

        // Then exactly one email and one EmailSent exist
        await().atMost(Duration.ofSeconds(60)).until(() -> outboxRows(fileId) == 0);
        assertThat(Mailbox.messagesTo(student)).hasSize(1);
        assertThat(Events.read(Topics.EMAIL_SENT, fileId)).hasSize(1);
        assertThat(jdbc.sql("SELECT attempts FROM email WHERE file_id = :id").param("id", fileId)
                .query(Integer.class).single()).isEqualTo(1);
    }
}
