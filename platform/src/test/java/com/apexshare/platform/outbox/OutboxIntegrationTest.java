package com.apexshare.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.apexshare.devstack.Ports;
import com.apexshare.events.DeletionReason;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadDeleted;
import com.apexshare.events.serde.AvroEventDeserializer;
import com.apexshare.platform.PlatformIntegrationTest;
import com.apexshare.platform.PlatformProperties;
import com.apexshare.platform.Records;
import com.apexshare.platform.app.Completions;
import com.apexshare.platform.kafka.ValueSerializers;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class OutboxIntegrationTest extends PlatformIntegrationTest {

    @Autowired
    Completions completions;

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    OutboxRecords records;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    PlatformProperties platform;

    private final AvroEventDeserializer deserializer = new AvroEventDeserializer();

    @AfterEach
    void relayRunsAgain() {
        if (!relay.isRunning()) {
            relay.start();
        }
    }

    @Test
    void shouldPublishAnEventOnceTheTransactionThatAppendedItCommits() {
        // Given a committed change that appended an event
        UUID fileId = UUID.randomUUID();
        completions.remove(fileId, false);

        // Then the event reaches its topic, keyed by the file id, exactly once, and leaves the outbox
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Records.withKey(Topics.UPLOAD_DELETED.name(), fileId.toString())).hasSize(1));
        UploadDeleted event = (UploadDeleted) deserializer.deserialize(Topics.UPLOAD_DELETED.name(),
                Records.withKey(Topics.UPLOAD_DELETED.name(), fileId.toString()).get(0).value());
        assertThat(event.getFileId()).isEqualTo(fileId.toString());
        assertThat(event.getReason()).isEqualTo(DeletionReason.ABORTED);
        await().atMost(Duration.ofSeconds(10)).until(() -> rowsFor(fileId) == 0);
    }

    @Test
    void shouldPublishNothingOfATransactionThatRolledBack() {
        // Given a change that rolled back after appending, then one that committed
        UUID rolledBack = UUID.randomUUID();
        UUID committed = UUID.randomUUID();
        assertThatIllegalStateException().isThrownBy(() -> completions.remove(rolledBack, true));
        completions.remove(committed, false);

        // When the committed one has been published
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Records.withKey(Topics.UPLOAD_DELETED.name(), committed.toString())).hasSize(1));

        // Then the rolled-back one was never in the outbox nor on the topic
        assertThat(rowsFor(rolledBack)).isZero();
        assertThat(Records.withKey(Topics.UPLOAD_DELETED.name(), rolledBack.toString())).isEmpty();
    }

    @Test
    void shouldRefuseAnAppendOutsideATransaction() {
        assertThatThrownBy(() -> outbox.append(Topics.UPLOAD_DELETED, UUID.randomUUID(), deleted(UUID.randomUUID())))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void shouldKeepEventsWhileKafkaIsUnreachableAndSendThemOnceItIsBack() {
        // Given this replica's relay stopped, and a relay whose Kafka cannot be reached
        relay.stop();
        UUID fileId = UUID.randomUUID();
        completions.remove(fileId, false);
        OutboxRelay cutOff = relay(unreachableKafka());

        // When it runs
        OutboxRelay.Result result = cutOff.relayPending();

        // Then it reports the failure, and the event stays in the outbox, unclaimed, its attempt counted
        assertThat(result.failed()).isTrue();
        assertThat(rowsFor(fileId)).isOne();
        assertThat(jdbc.queryForObject("SELECT attempts FROM outbox WHERE event_key = ?", Integer.class,
                fileId.toString())).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT claimed_until IS NULL FROM outbox WHERE event_key = ?",
                Boolean.class, fileId.toString())).isTrue();

        // When Kafka is reachable again (the replica's own relay) / Then the event is published once
        relay.start();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Records.withKey(Topics.UPLOAD_DELETED.name(), fileId.toString())).hasSize(1));
    }

    @Test
    void shouldNeverSendARowTwiceWhenReplicasRelayAtTheSameTime() {
        // Given 300 events waiting, and two replicas' relays
        relay.stop();
        List<UUID> fileIds = new ArrayList<>();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < 300; i++) {
                UUID fileId = UUID.randomUUID();
                fileIds.add(fileId);
                outbox.append(Topics.UPLOAD_DELETED, fileId, deleted(fileId));
            }
        });
        OutboxRelay one = relay(kafka);
        OutboxRelay two = relay(kafka);

        // When both relay at once
        CompletableFuture<OutboxRelay.Result> a = CompletableFuture.supplyAsync(one::relayPending);
        CompletableFuture<OutboxRelay.Result> b = CompletableFuture.supplyAsync(two::relayPending);

        // Then together they sent each event exactly once
        assertThat(a.join().published() + b.join().published()).isEqualTo(300);
        for (UUID fileId : List.of(fileIds.get(0), fileIds.get(150), fileIds.get(299))) {
            assertThat(Records.withKey(Topics.UPLOAD_DELETED.name(), fileId.toString())).hasSize(1);
        }
        assertThat(fileIds.stream().mapToLong(this::rowsFor).sum()).isZero();
    }

    @Test
    void shouldLeaveARowClaimedByACrashedRelayUntilItsLeaseRunsOut() {
        // Given an event claimed by a relay that then died, its lease running for another 3 seconds
        relay.stop();
        UUID fileId = UUID.randomUUID();
        completions.remove(fileId, false);
        jdbc.update("UPDATE outbox SET claimed_until = ?, attempts = 1 WHERE event_key = ?",
                java.sql.Timestamp.from(Instant.now().plusSeconds(3)), fileId.toString());

        // When a relay runs during the lease / Then it does not send it
        assertThat(relay(kafka).relayPending().published()).isZero();
        assertThat(rowsFor(fileId)).isOne();

        // When the lease has run out / Then the event is sent
        relay.start();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Records.withKey(Topics.UPLOAD_DELETED.name(), fileId.toString())).hasSize(1));
    }

    private long rowsFor(UUID fileId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM outbox WHERE event_key = ?", Long.class,
                fileId.toString());
        return count == null ? 0 : count;
    }

    private OutboxRelay relay(KafkaTemplate<Object, Object> template) {
        return new OutboxRelay(records, new TransactionTemplate(transactions), template, Clock.systemUTC(),
                platform.outbox(), new SimpleMeterRegistry());
    }

    private static KafkaTemplate<Object, Object> unreachableKafka() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + Ports.free());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 500);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 500);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        DefaultKafkaProducerFactory<Object, Object> factory = new DefaultKafkaProducerFactory<>(config);
        factory.setValueSerializer(ValueSerializers.byType());
        return new KafkaTemplate<>(factory);
    }

    private static UploadDeleted deleted(UUID fileId) {
        return UploadDeleted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setFileId(fileId.toString())
                .setReason(DeletionReason.ABORTED)
                .build();
    }
}
