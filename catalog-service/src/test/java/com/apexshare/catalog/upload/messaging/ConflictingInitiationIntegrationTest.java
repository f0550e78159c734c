package com.apexshare.catalog.upload.messaging;

import static com.apexshare.catalog.TestEvents.completed;
import static com.apexshare.catalog.TestEvents.initiated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.apexshare.catalog.CatalogIntegrationTest;
import com.apexshare.catalog.TestEvents;
import com.apexshare.catalog.TopicReader;
import com.apexshare.catalog.upload.UploadEvent;
import com.apexshare.catalog.upload.UploadLedger;
import com.apexshare.events.CompletionSource;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadInitiated;
import com.apexshare.events.serde.AvroEventDeserializer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The facts an UploadInitiated sets are immutable: the first initiation wins whatever the times say, a contradicting
 * one is counted and dead-lettered, an exact repetition changes nothing.
 */
class ConflictingInitiationIntegrationTest extends CatalogIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    UploadLedger ledger;

    @Test
    void shouldKeepTheFirstInitiationWhenALaterOneWithAnEarlierTimeContradictsIt() {
        // Given an upload initiated by its trainer
        String trainer = "trainer-" + UUID.randomUUID();
        String intruder = "trainer-" + UUID.randomUUID();
        String fileId = UUID.randomUUID().toString();
        Instant t0 = TestEvents.now();
        awaitApplied(publish(initiated(fileId, trainer, t0).build()));
        double rejectedBefore = rejected();

        // When a second initiation of the same upload arrives, dated an hour earlier, naming another trainer, student
        // and key (still one of the upload's own form), followed by the upload's completion
        UploadInitiated forged = initiated(fileId, intruder, t0.minus(Duration.ofHours(1)))
                .setStudentEmail("mallory@example.org").setFileName("other.mp4")
                .setObjectKey("videos/2026-01-01/" + fileId + "-other.mp4").build();
        List<RecordMetadata> sent = publish(forged, completed(fileId, t0.plusSeconds(30), 99L,
                CompletionSource.CLIENT));
        awaitApplied(sent);

        // Then the first trainer still owns the upload with its first facts, and the completion after it applied
        JsonNode upload = getJson("/api/v1/uploads/" + fileId, token(trainer)).path("data");
        assertThat(upload.path("fileName").asString()).isEqualTo("GX010042.MP4");
        assertThat(upload.path("studentEmail").asString()).isEqualTo("sue@student.example");
        assertThat(Instant.parse(upload.path("uploadDate").asString())).isEqualTo(t0);
        assertThat(upload.path("status").asString()).isEqualTo("AVAILABLE");
        assertThat(get("/api/v1/uploads/" + fileId, token(intruder)).statusCode()).isEqualTo(404);
        // and the contradicting initiation is on the dead-letter topic, unchanged, and counted
        String deadLetters = Topics.UPLOAD_INITIATED.deadLetter(GROUP);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                TopicReader.readAll(List.of(deadLetters), new AvroEventDeserializer(), r -> fileId.equals(r.key())))
                .extracting(ConsumerRecord::value).containsExactly(forged));
        assertThat(rejected()).isEqualTo(rejectedBefore + 1);
    }

    @Test
    void shouldTreatARepeatedInitiationAsANoOp() {
        // Given an upload initiated once
        String trainer = "trainer-" + UUID.randomUUID();
        String fileId = UUID.randomUUID().toString();
        Instant t0 = TestEvents.now();
        UploadInitiated first = initiated(fileId, trainer, t0).build();
        awaitApplied(publish(first));

        // When the same initiation is delivered again, also as a fresh event of the same facts (a producer's retry)
        awaitApplied(publish(first, initiated(fileId, trainer, t0).build()));

        // Then nothing changed and nothing was dead-lettered
        JsonNode upload = getJson("/api/v1/uploads/" + fileId, token(trainer)).path("data");
        assertThat(upload.path("fileName").asString()).isEqualTo("GX010042.MP4");
        assertThat(upload.path("status").asString()).isEqualTo("INITIATED");
        assertThat(TopicReader.readAll(List.of(Topics.UPLOAD_INITIATED.deadLetter(GROUP)),
                new AvroEventDeserializer(), r -> fileId.equals(r.key()))).isEmpty();
    }

    @Test
    void shouldRefuseTheLaterOfTwoContradictingInitiationsInOneBatch() {
        // Given two initiations of one upload in one batch, the second dated earlier and naming another trainer
        String trainer = "trainer-" + UUID.randomUUID();
        String fileId = UUID.randomUUID().toString();
        Instant t0 = TestEvents.now();
        UploadEvent.Initiated first = UploadEventMapper.initiated(initiated(fileId, trainer, t0).build());
        UploadEvent.Initiated second = UploadEventMapper.initiated(
                initiated(fileId, "trainer-" + UUID.randomUUID(), t0.minusSeconds(60)).build());

        // When the ledger applies them
        List<UploadEvent.Initiated> refused = ledger.apply(List.of(first, second, first));

        // Then the first stays and only the second is refused
        assertThat(refused).containsExactly(second);
        assertThat(getJson("/api/v1/uploads/" + fileId, token(trainer)).path("data").path("trainerName")
                .asString()).isEqualTo("Tom Trainer");
        assertThat(ledger.apply(List.of(first))).isEmpty();
        assertThat(ledger.apply(List.of(second))).containsExactly(second);
    }

    private double rejected() {
        Counter counter = meters.find("apexshare.events.rejected").tag("event", "UploadInitiated")
                .tag("reason", "conflicting_facts").counter();
        return counter == null ? 0 : counter.count();
    }
}
