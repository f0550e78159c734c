package com.apexshare.catalog.upload.messaging;

import static com.apexshare.catalog.TestEvents.completed;
import static com.apexshare.catalog.TestEvents.initiated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import com.apexshare.catalog.CatalogIntegrationTest;
import com.apexshare.catalog.TestEvents;
import com.apexshare.catalog.TopicReader;
import com.apexshare.events.CompletionSource;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadCompleted;

/** A poison record goes to the dead-letter topic and its partition moves on. */
class DeadLetterIntegrationTest extends CatalogIntegrationTest {

    @Test
    void shouldDeadLetterAnUndecodableRecordAndApplyTheRecordsAfterIt() {
        // Given a record that is not an event, followed on the same partition by valid events
        String trainer = "trainer-" + UUID.randomUUID();
        String fileId = UUID.randomUUID().toString();
        Instant t0 = TestEvents.now();
        byte[] poison = ("not avro " + fileId).getBytes(StandardCharsets.UTF_8);
        RecordMetadata bad = publishRaw(Topics.UPLOAD_COMPLETED.name(), fileId, poison);

        // When
        List<RecordMetadata> good = publish(initiated(fileId, trainer, t0).build(),
                completed(fileId, t0.plusSeconds(60), 77L, CompletionSource.CLIENT));

        // Then the events after the poison record are applied
        awaitApplied(good);
        assertThat(good.get(1).partition()).isEqualTo(bad.partition());
        assertThat(getJson("/api/v1/uploads/" + fileId, token(trainer)).path("data").path("status").asString())
                .isEqualTo("AVAILABLE");
        // and the poison record is in the dead-letter topic, unchanged
        String deadLetters = Topics.UPLOAD_COMPLETED.deadLetter(GROUP);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                TopicReader.readAll(List.of(deadLetters), new ByteArrayDeserializer(), r -> fileId.equals(r.key())))
                .extracting(ConsumerRecord::value).containsExactly(poison));
    }

    @Test
    void shouldDeadLetterAnEventWithAnInvalidFileIdAndApplyTheRecordsAfterIt() {
        // Given an event whose file id is not a UUID, and a valid event after it on the same partition (same key)
        String key = UUID.randomUUID().toString();
        Instant t0 = TestEvents.now();
        UploadCompleted invalid = completed("not-a-uuid", t0, 1L, CompletionSource.CLIENT);
        RecordMetadata bad = publishRaw(Topics.UPLOAD_COMPLETED.name(), key,
                new com.apexshare.events.serde.AvroEventSerializer().serialize(Topics.UPLOAD_COMPLETED.name(), invalid));
        String trainer = "trainer-" + UUID.randomUUID();

        // When
        List<RecordMetadata> good = publish(initiated(key, trainer, t0).build(),
                completed(key, t0.plusSeconds(5), 5L, CompletionSource.CLIENT));

        // Then
        awaitApplied(good);
        assertThat(good.get(1).partition()).isEqualTo(bad.partition());
        assertThat(getJson("/api/v1/uploads/" + key, token(trainer)).path("data").path("status").asString())
                .isEqualTo("AVAILABLE");
        String deadLetters = Topics.UPLOAD_COMPLETED.deadLetter(GROUP);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                TopicReader.readAll(List.of(deadLetters), new ByteArrayDeserializer(), r -> key.equals(r.key())))
                .hasSize(1)
                .first().satisfies(r -> assertThat(r.headers().lastHeader("kafka_dlt-exception-message")).isNotNull()));
    }
}
