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
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.apexshare.devstack.Postgres;
import com.apexshare.devstack.TopicContents;
import com.apexshare.download.DownloadServiceApplication;
import com.apexshare.download.DownloadServiceHttp;
import com.apexshare.events.DownloadChannel;
import com.apexshare.events.Downloaded;
import com.apexshare.events.Topics;
import com.apexshare.events.serde.AvroEventDeserializer;

/**
 * The upgrade from the service's own outbox table: openings the previous version recorded in
 * {@code downloaded_outbox} but had not published yet, before the new version started or while both versions ran side
 * by side (a rolling upgrade), are moved into the platform's outbox and published exactly once.
 */
class DownloadedOutboxUpgradeIntegrationTest {

    private static final String DATABASE = "download_upgrade";

    private final UUID fileId = UUID.randomUUID();
    private final Instant openedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
    private final List<Downloaded> recorded = new ArrayList<>();

    @Test
    void shouldPublishTheOpeningsOfThePreviousOutboxTableExactlyOnce() {
        // Given the previous version's schema (V1) holding five openings its relay had not published yet
        Map<String, String> properties = DownloadServiceHttp.serviceProperties(DATABASE);
        String url = properties.get("spring.datasource.url");
        Flyway.configure().dataSource(url, Postgres.USER, Postgres.PASSWORD).schemas("download")
                .defaultSchema("download").createSchemas(true).target("1").load().migrate();
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url + "&currentSchema=download",
                Postgres.USER, Postgres.PASSWORD));
        for (int i = 0; i < 5; i++) {
            recordAsPreviousVersion(jdbc);
        }

        // When the new version starts on that database (its listeners stay off: only the upgrade is looked at)
        Map<String, String> settings = new LinkedHashMap<>(properties);
        settings.put("server.port", "0");
        settings.put("spring.kafka.listener.auto-startup", "false");
        String[] arguments = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DownloadServiceApplication.class)
                .run(arguments)) {

            // Then each waiting opening is published exactly once, with the facts it was recorded with
            assertPublishedExactlyOnce(jdbc);

            // And so are those that a replica of the previous version, still running, records meanwhile
            for (int i = 0; i < 3; i++) {
                recordAsPreviousVersion(jdbc);
            }
            assertPublishedExactlyOnce(jdbc);
        }
    }

    private void recordAsPreviousVersion(JdbcClient jdbc) {
        int i = recorded.size();
        Downloaded opening = Downloaded.newBuilder().setEventId("unused").setFileId(fileId.toString())
                .setDownloadId(UUID.randomUUID().toString()).setOccurredAt(openedAt.plusSeconds(i))
                .setUserAgentFamily(i % 2 == 0 ? "Chrome" : "curl")
                .setChannel(i % 2 == 0 ? DownloadChannel.REDIRECT : DownloadChannel.API).build();
        jdbc.sql("""
                INSERT INTO downloaded_outbox (download_id, file_id, occurred_at, user_agent_family, channel, attempts)
                VALUES (:downloadId, :fileId, :occurredAt, :family, :channel, 3)
                """)
                .param("downloadId", UUID.fromString(opening.getDownloadId())).param("fileId", fileId)
                .param("occurredAt", opening.getOccurredAt().atOffset(ZoneOffset.UTC))
                .param("family", opening.getUserAgentFamily()).param("channel", opening.getChannel().name())
                .update();
        recorded.add(opening);
    }

    /** Once neither outbox holds an opening of the upload any more, nothing can publish one again. */
    private void assertPublishedExactlyOnce(JdbcClient jdbc) {
        await().atMost(Duration.ofSeconds(60)).until(() -> waiting(jdbc) == 0);
        List<Downloaded> published = TopicContents.read(Topics.DOWNLOADED.name(), new AvroEventDeserializer())
                .valuesWithKey(fileId.toString()).stream().map(Downloaded.class::cast).toList();
        assertThat(published).usingRecursiveFieldByFieldElementComparatorIgnoringFields("eventId")
                .containsExactlyInAnyOrderElementsOf(recorded);
        assertThat(published.stream().map(Downloaded::getEventId).distinct()).hasSize(recorded.size());
    }

    private long waiting(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM downloaded_outbox WHERE file_id = :fileId").param("fileId", fileId)
                .query(Long.class).single()
                + jdbc.sql("SELECT count(*) FROM outbox WHERE event_key = :fileId").param("fileId", fileId.toString())
                .query(Long.class).single();
    }
}
