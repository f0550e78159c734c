package com.apexshare.download.link.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.apexshare.devstack.Postgres;
import com.apexshare.download.DownloadServiceApplication;
import com.apexshare.download.DownloadServiceHttp;
import com.apexshare.download.TopicRecords;
import com.apexshare.events.DownloadChannel;
import com.apexshare.events.Downloaded;
import com.apexshare.events.Topics;
import com.apexshare.events.serde.AvroEventDeserializer;

/**
 * The upgrade from the service's own outbox table: openings the previous version recorded in
 * {@code downloaded_outbox} but had not published yet are moved into the platform's outbox when the new version starts
 * (migration V3), and published exactly once.
 */
class DownloadedOutboxUpgradeIntegrationTest {

    private static final String DATABASE = "download_upgrade";

    @Test
    void shouldPublishTheOpeningsLeftInTheOldOutboxExactlyOnce() {
        // Given the previous version's schema (V1) holding five openings its relay had not published yet
        Map<String, String> properties = DownloadServiceHttp.serviceProperties(DATABASE);
        String url = properties.get("spring.datasource.url");
        Flyway.configure().dataSource(url, Postgres.USER, Postgres.PASSWORD).schemas("download")
                .defaultSchema("download").createSchemas(true).target("1").load().migrate();
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url + "&currentSchema=download",
                Postgres.USER, Postgres.PASSWORD));
        UUID fileId = UUID.randomUUID();
        Instant openedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        List<Downloaded> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Downloaded opening = Downloaded.newBuilder().setEventId("unused").setFileId(fileId.toString())
                    .setDownloadId(UUID.randomUUID().toString()).setOccurredAt(openedAt.plusSeconds(i))
                    .setUserAgentFamily(i % 2 == 0 ? "Chrome" : "curl")
                    .setChannel(i % 2 == 0 ? DownloadChannel.REDIRECT : DownloadChannel.API).build();
            jdbc.sql("""
                    INSERT INTO downloaded_outbox (download_id, file_id, occurred_at, user_agent_family, channel,
                                                   attempts)
                    VALUES (:downloadId, :fileId, :occurredAt, :family, :channel, 3)
                    """)
                    .param("downloadId", UUID.fromString(opening.getDownloadId())).param("fileId", fileId)
                    .param("occurredAt", opening.getOccurredAt().atOffset(ZoneOffset.UTC))
                    .param("family", opening.getUserAgentFamily()).param("channel", opening.getChannel().name())
                    .update();
            waiting.add(opening);
        }

        // When the new version starts on that database (its listeners stay off: only the upgrade is looked at)
        Map<String, String> settings = new LinkedHashMap<>(properties);
        settings.put("server.port", "0");
        settings.put("spring.kafka.listener.auto-startup", "false");
        String[] arguments = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DownloadServiceApplication.class)
                .run(arguments)) {

            // Then the old table is gone, and once the relay has emptied the outbox, the topic holds each opening
            // exactly once, with the facts it was recorded with
            assertThat(jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'download' "
                    + "AND table_name = 'downloaded_outbox'").query(Long.class).single()).isZero();
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                    "SELECT count(*) FROM outbox WHERE event_key = :fileId").param("fileId", fileId.toString())
                    .query(Long.class).single() == 0);
            AvroEventDeserializer avro = new AvroEventDeserializer();
            List<ConsumerRecord<String, byte[]>> records = TopicRecords.withKeys(List.of(Topics.DOWNLOADED.name()),
                    Set.of(fileId.toString()));
            assertThat(records).hasSize(5);
            List<Downloaded> published = records.stream()
                    .map(r -> (Downloaded) avro.deserialize(r.topic(), r.value())).toList();
            assertThat(published).usingRecursiveFieldByFieldElementComparatorIgnoringFields("eventId")
                    .containsExactlyInAnyOrderElementsOf(waiting);
            assertThat(published.stream().map(Downloaded::getEventId).distinct()).hasSize(5);
        }
    }
}
