package com.apexshare.download.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.Postgres;
import com.apexshare.download.link.DownloadChannel;
import com.apexshare.download.link.DownloadLog;
import com.apexshare.download.link.DownloadedEvents;
import com.apexshare.events.Downloaded;
import com.apexshare.events.serde.AvroEventSerializer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The outbox against real PostgreSQL and Kafka, without the application: openings recorded while Kafka cannot be
 * reached stay in the table and are published exactly once when it can. The outbox has a database of its own here, so
 * the relay sees only this test's rows.
 */
class DownloadedOutboxRelayIntegrationTest {

    private static DriverManagerDataSource dataSource;
    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;

    @BeforeAll
    static void database() {
        String url = DevStack.postgres().createDatabase("download_outbox_test");
        dataSource = new DriverManagerDataSource(url + "&currentSchema=download", Postgres.USER, Postgres.PASSWORD);
        Flyway.configure().dataSource(dataSource).schemas("download").defaultSchema("download").createSchemas(true)
                .load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @AfterAll
    static void clean() {
        jdbc.sql("DELETE FROM downloaded_outbox").update();
    }

    @Test
    void shouldKeepOpeningsWhileKafkaIsDownAndPublishEachOnceWhenItIsBack() throws Exception {
        // Given five link openings recorded in the outbox
        DownloadedOutbox outbox = new DownloadedOutbox(jdbc);
        UUID fileId = UUID.randomUUID();
        List<UUID> downloadIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID downloadId = UUID.randomUUID();
            downloadIds.add(downloadId);
            outbox.record(new DownloadLog.Opening(downloadId, fileId, Instant.now().truncatedTo(ChronoUnit.MILLIS),
                    "Chrome", i % 2 == 0 ? DownloadChannel.REDIRECT : DownloadChannel.API));
        }

        // When the relay runs while Kafka cannot be reached
        KafkaTemplate<Object, Object> unreachable = template("127.0.0.1:" + closedPort());
        DownloadedOutboxRelay down = new DownloadedOutboxRelay(jdbc, transactions, unreachable, 100,
                Duration.ofSeconds(5), new SimpleMeterRegistry());
        DownloadedOutboxRelay.Result whileDown = down.relayPending();

        // Then nothing is published and nothing is lost: the rows wait, their failed attempt counted
        assertThat(whileDown.published()).isZero();
        assertThat(whileDown.failed()).isTrue();
        assertThat(jdbc.sql("SELECT download_id FROM downloaded_outbox WHERE attempts = 1").query(UUID.class).set())
                .containsExactlyInAnyOrderElementsOf(downloadIds);

        // When Kafka is reachable again
        KafkaTemplate<Object, Object> reachable = template(DevStack.kafka().bootstrapServers());
        DownloadedOutboxRelay up = new DownloadedOutboxRelay(jdbc, transactions, reachable, 2, Duration.ofSeconds(30),
                new SimpleMeterRegistry());
        DownloadedOutboxRelay.Result afterwards = up.relayPending();

        // Then every opening is published once (in batches of two), the outbox is empty and a rerun sends nothing
        assertThat(afterwards.published()).isEqualTo(5);
        assertThat(afterwards.failed()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM downloaded_outbox").query(Long.class).single()).isZero();
        assertThat(up.relayPending().published()).isZero();
        try (DownloadedEvents events = new DownloadedEvents()) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(
                    () -> assertThat(events.recordsFor(fileId)).hasSize(5));
            Set<String> ids = events.recordsFor(fileId).stream().map(events::decode).map(Downloaded::getDownloadId)
                    .collect(Collectors.toSet());
            assertThat(ids).isEqualTo(downloadIds.stream().map(UUID::toString).collect(Collectors.toSet()));
        }
        unreachable.destroy();
        reachable.destroy();
    }

    private static KafkaTemplate<Object, Object> template(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroEventSerializer.class);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
