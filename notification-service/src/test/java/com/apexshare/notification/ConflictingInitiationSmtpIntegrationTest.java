package com.apexshare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import com.apexshare.devstack.TopicContents;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadInitiated;
import com.apexshare.events.serde.AvroEventDeserializer;
import com.apexshare.notification.support.Events;
import com.apexshare.notification.support.Mailbox;

import io.micrometer.core.instrument.Counter;

/** The first initiation's facts stay: a later, contradicting one cannot redirect the student's email. */
class ConflictingInitiationSmtpIntegrationTest extends SmtpContextIntegrationTest {

    @Test
    void shouldEmailTheFirstInitiationsStudentAndDeadLetterAContradictingInitiation() {
        // Given an upload initiated for its student
        UUID fileId = UUID.randomUUID();
        String student = uniqueAddress("sam");
        String intruder = uniqueAddress("mallory");
        UploadInitiated first = Events.initiated(fileId, student).build();
        Events.publish(first);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM upload WHERE file_id = :id AND initiated_at IS NOT NULL").param("id", fileId)
                .query(Long.class).single() == 1);
        double before = rejected();

        // When a second initiation, dated earlier, names another student, and the upload completes
        UploadInitiated forged = Events.initiated(fileId, intruder)
                .setOccurredAt(first.getOccurredAt().minus(Duration.ofHours(1))).build();
        Events.publish(forged);
        Events.publish(first);
        Events.publish(Events.completed(fileId));

        // Then the first student gets the one email and the intruder none
        await().atMost(Duration.ofSeconds(60)).until(() -> Mailbox.messagesTo(student).size() == 1);
        assertThat(Mailbox.messagesTo(intruder)).isEmpty();
        // and the contradicting initiation is dead-lettered unchanged and counted; the repetition is not
        String deadLetters = Topics.UPLOAD_INITIATED.deadLetter("notification-service");
        AvroEventDeserializer avro = new AvroEventDeserializer();
        List<Object> dead = await().atMost(Duration.ofSeconds(60)).until(() -> TopicContents.read(deadLetters,
                        new ByteArrayDeserializer()).withKey(fileId.toString()).stream()
                .map(e -> (Object) avro.deserialize(deadLetters, e.value())).toList(), d -> !d.isEmpty());
        assertThat(dead).containsExactly(forged);
        assertThat(rejected()).isEqualTo(before + 1);
    }

    private double rejected() {
        Counter counter = meters.find("apexshare.events.rejected").tag("event", "UploadInitiated")
                .tag("reason", "conflicting_facts").counter();
        return counter == null ? 0 : counter.count();
    }
}
