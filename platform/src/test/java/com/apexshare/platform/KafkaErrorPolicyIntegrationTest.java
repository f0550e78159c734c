package com.apexshare.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.Postgres;
import com.apexshare.events.CompletionSource;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadCompleted;
import com.apexshare.events.serde.AvroEventSerializer;
import com.apexshare.platform.app.Completions;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The one error policy: poison goes to the dead-letter topic at once and the partition moves on; a valid event whose
 * dependency is down is retried for as long as it takes and then applied, never parked.
 */
class KafkaErrorPolicyIntegrationTest extends PlatformIntegrationTest {

    private static final String DEAD_LETTERS = Topics.UPLOAD_COMPLETED.deadLetter("platform-test");
    private final AvroEventSerializer serializer = new AvroEventSerializer();

    @Autowired
    Completions completions;

    @Autowired
    MeterRegistry metrics;

    @Test
    void shouldCreateTheCatalogAndTheDeadLetterTopicsOfItsConsumerGroupsOnStart() throws Exception {
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                DevStack.kafka().bootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            assertThat(topics).contains(DEAD_LETTERS, Topics.S3_NOTIFICATIONS_RAW.name());
            Topics.all().forEach(t -> assertThat(topics).contains(t.name()));
            assertThat(admin.describeTopics(List.of(DEAD_LETTERS)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(DEAD_LETTERS).partitions()).hasSize(Topics.UPLOAD_COMPLETED.partitions());
        }
    }

    @Test
    void shouldDeadLetterPoisonAtOnceAndApplyTheRecordsAfterIt() {
        // Given, on one partition (one key), undecodable bytes, an event that breaks the contract, then a valid event
        String key = UUID.randomUUID().toString();
        UUID valid = UUID.randomUUID();
        Records.produce(Topics.UPLOAD_COMPLETED.name(), key, "not avro".getBytes(StandardCharsets.UTF_8));
        Records.produce(Topics.UPLOAD_COMPLETED.name(), key, encode(completed("not-a-uuid")));
        Records.produce(Topics.UPLOAD_COMPLETED.name(), key, encode(completed(valid.toString())));

        // Then the valid event is applied, and both poison records are on the dead-letter topic, each exactly once
        await().atMost(Duration.ofSeconds(60)).until(() -> completions.isApplied(valid));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Records.withKey(DEAD_LETTERS, key)).hasSize(2));
        assertThat(metrics.counter("apexshare.kafka.dead.letters", "topic", Topics.UPLOAD_COMPLETED.name(),
                "group", "platform-test").count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldRetryValidEventsThroughADatabaseOutageAndApplyEveryOneAfterIt() {
        // Given the service's database refusing connections while 20 completions arrive
        double retriesBefore = retries();
        List<UUID> fileIds = new ArrayList<>();
        Instant outageStarted;
        try (Postgres.Outage outage = DevStack.postgres().refuseConnections(DATABASE)) {
            outageStarted = Instant.now();
            for (int i = 0; i < 20; i++) {
                UUID fileId = UUID.randomUUID();
                fileIds.add(fileId);
                Records.produce(Topics.UPLOAD_COMPLETED.name(), fileId.toString(),
                        encode(completed(fileId.toString())));
            }
            // When the outage lasts for at least 20 retry attempts
            await().atMost(Duration.ofSeconds(120)).until(() -> retries() - retriesBefore >= 20);
        }
        System.out.printf("database outage: %d ms, %.0f retries%n",
                Duration.between(outageStarted, Instant.now()).toMillis(), retries() - retriesBefore);

        // Then, once it is back, every event is applied and none was parked on the dead-letter topic
        // (the pool reconnects on its own; a check while it does may still fail)
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> fileIds.stream().allMatch(completions::isApplied));
        for (UUID fileId : fileIds) {
            assertThat(Records.withKey(DEAD_LETTERS, fileId.toString())).isEmpty();
        }
    }

    @Test
    void shouldDeadLetterOnlyThePoisonRecordOfABatchThatWaitedOutADatabaseOutage() {
        // Given, on one partition of a batch listener's topic, two valid events, a poison one and a valid one, all
        // arriving while the database refuses connections
        String key = UUID.randomUUID().toString();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        double retriesBefore = retries(Topics.EMAIL_FAILED.name());
        try (Postgres.Outage outage = DevStack.postgres().refuseConnections(DATABASE)) {
            for (String fileId : List.of(first.toString(), second.toString(), "not-a-uuid", last.toString())) {
                Records.produce(Topics.EMAIL_FAILED.name(), key, failed(fileId));
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> retries(Topics.EMAIL_FAILED.name()) - retriesBefore >= 5);
        }

        // Then, once it is back, the three valid events are applied and only the poison one is a dead letter
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> completions.isApplied(first) && completions.isApplied(second) && completions.isApplied(last));
        String deadLetters = Topics.EMAIL_FAILED.deadLetter("platform-test");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Records.withKey(deadLetters, key)).hasSize(1));
    }

    private byte[] failed(String fileId) {
        return serializer.serialize(Topics.EMAIL_FAILED.name(), com.apexshare.events.EmailFailed.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setFileId(fileId)
                .setReason(com.apexshare.events.EmailFailureReason.RECIPIENT_REJECTED)
                .setDetail("test")
                .build());
    }

    private double retries(String topic) {
        return metrics.find("apexshare.kafka.listener.retries").tag("topic", topic)
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private double retries() {
        return metrics.find("apexshare.kafka.listener.retries").tag("topic", Topics.UPLOAD_COMPLETED.name())
                .counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private byte[] encode(UploadCompleted event) {
        return serializer.serialize(Topics.UPLOAD_COMPLETED.name(), event);
    }

    private static UploadCompleted completed(String fileId) {
        return UploadCompleted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setFileId(fileId)
                .setBucket("apexshare-videos")
                .setObjectKey("videos/2026-12-01/" + fileId + "-ride.mp4")
                .setSize(42)
                .setETag("\"etag\"")
                .setSource(CompletionSource.CLIENT)
                .build();
    }
}
