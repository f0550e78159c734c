package com.apexshare.catalog;

import static com.apexshare.catalog.TestEvents.completed;
import static com.apexshare.catalog.TestEvents.emailSent;
import static com.apexshare.catalog.TestEvents.initiated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.Postgres;
import com.apexshare.events.CompletionSource;
import com.apexshare.events.Topic;
import com.apexshare.events.Topics;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The platform's error policy with the catalog's batch listeners: while the database refuses connections every poll is
 * retried (never parked on a dead-letter topic) and applied once it is back; a record that breaks the contract still
 * goes to the dead-letter topic at once, even when it sits behind valid records in a poll that waited out the outage,
 * and the records around it are applied.
 */
class CatalogDatabaseOutageIntegrationTest extends CatalogIntegrationTest {

    private static final String DATABASE = "catalog";

    @Autowired
    MeterRegistry metrics;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void shouldApplyEveryEventThatArrivedDuringADatabaseOutageAndDeadLetterOnlyThePoison() {
        String trainer = "trainer-" + UUID.randomUUID();
        String otherTrainer = "trainer-" + UUID.randomUUID();
        Instant t0 = TestEvents.now();
        List<String> fileIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            fileIds.add(UUID.randomUUID().toString());
        }
        String behindPoison = UUID.randomUUID().toString();
        byte[] poison = ("not avro " + behindPoison).getBytes(StandardCharsets.UTF_8);
        // The completions wait in their topic, so that the poison sits inside one poll between two valid records.
        MessageListenerContainer completions = listeners.getListenerContainer("catalog-upload-completed");
        completions.pause();
        await().atMost(Duration.ofSeconds(30)).until(completions::isContainerPaused);
        double retriesBefore = retries();

        // Given the catalog's database refusing connections while 20 uploads are initiated, completed and emailed,
        // and, on one partition of the completions, a valid record, a poison record and another valid record
        Instant outageStarted;
        try (Postgres.Outage outage = DevStack.postgres().refuseConnections(DATABASE)) {
            outageStarted = Instant.now();
            List<RecordMetadata> sent = new ArrayList<>();
            for (int i = 0; i < fileIds.size(); i++) {
                String fileId = fileIds.get(i);
                sent.addAll(publish(initiated(fileId, trainer, t0.plusSeconds(i)).build(),
                        completed(fileId, t0.plusSeconds(60 + i), 1_000L + i, CompletionSource.CLIENT),
                        emailSent(fileId, t0.plusSeconds(70 + i))));
            }
            sent.addAll(publish(initiated(behindPoison, otherTrainer, t0).build(),
                    completed(behindPoison, t0.plusSeconds(60), 7L, CompletionSource.S3_NOTIFICATION)));
            RecordMetadata bad = publishRaw(Topics.UPLOAD_COMPLETED.name(), behindPoison, poison);
            RecordMetadata after = publish(
                    completed(behindPoison, t0.plusSeconds(30), 7L, CompletionSource.CLIENT)).get(0);
            assertThat(after.partition()).isEqualTo(bad.partition());
            completions.resume();

            // When the outage lasts for at least 20 retry attempts of the completions
            await().atMost(Duration.ofSeconds(120)).until(() -> retries() - retriesBefore >= 20);
        }
        System.out.printf("catalog database outage: %d ms, %.0f retries%n",
                Duration.between(outageStarted, Instant.now()).toMillis(), retries() - retriesBefore);

        // Then, once it is back, all 20 uploads are on the dashboard with the right state
        // (the pool reconnects on its own; a request while it does may still fail)
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            JsonNode recent = getJson("/api/v1/uploads/recent?limit=100", token(trainer)).path("data");
            assertThat(recent.path("pagination").path("total").asLong()).isEqualTo(20);
            for (JsonNode upload : recent.path("uploads")) {
                assertThat(upload.path("status").asString()).isEqualTo("AVAILABLE");
                assertThat(upload.path("emailSent").asBoolean()).isTrue();
            }
        });
        JsonNode recent = getJson("/api/v1/uploads/recent?limit=100", token(trainer)).path("data").path("uploads");
        List<String> shown = new ArrayList<>();
        recent.forEach(u -> shown.add(u.path("fileId").asString()));
        assertThat(shown).containsExactlyInAnyOrderElementsOf(fileIds);
        for (JsonNode upload : recent) {
            int i = fileIds.indexOf(upload.path("fileId").asString());
            assertThat(upload.path("fileSize").asLong()).isEqualTo(1_000L + i);
            assertThat(Instant.parse(upload.path("uploadDate").asString())).isEqualTo(t0.plusSeconds(i));
        }
        // and the records on both sides of the poison are applied (the earliest completion is the one after it)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Instant.parse(getJson(
                "/api/v1/uploads/" + behindPoison, token(otherTrainer)).path("data").path("completedAt").asString()))
                .isEqualTo(t0.plusSeconds(30)));
        // and the poison is on the dead-letter topic exactly once, as it was sent, next to nothing else of theirs
        String completedDeadLetters = Topics.UPLOAD_COMPLETED.deadLetter(GROUP);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                TopicReader.readAll(List.of(completedDeadLetters), new ByteArrayDeserializer(),
                        r -> behindPoison.equals(r.key())))
                .extracting(ConsumerRecord::value).containsExactly(poison));
        Set<String> ours = Set.copyOf(fileIds);
        List<String> deadLetterTopics = Topics.events().stream().map(t -> ((Topic<?>) t).deadLetter(GROUP)).toList();
        assertThat(TopicReader.readAll(deadLetterTopics, new ByteArrayDeserializer(), r -> ours.contains(r.key())))
                .isEmpty();
    }

    /** Failed deliveries of completions (the poll with the poison) that the platform's policy retried. */
    private double retries() {
        return metrics.find("apexshare.kafka.listener.retries").tag("group", GROUP)
                .tag("topic", Topics.UPLOAD_COMPLETED.name()).counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
