package com.apexshare.notification.email.messaging;

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

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.Postgres;
import com.apexshare.devstack.SpringProperties;
import com.apexshare.devstack.TopicContents;
import com.apexshare.events.EmailSent;
import com.apexshare.events.EmailTransport;
import com.apexshare.events.Topics;
import com.apexshare.events.link.LinkToken;
import com.apexshare.events.serde.AvroEventDeserializer;
import com.apexshare.events.serde.AvroEventSerializer;
import com.apexshare.notification.NotificationServiceApplication;
import com.apexshare.notification.email.EmailKind;
import com.apexshare.notification.email.EmailStatus;
import com.apexshare.notification.email.EmailStatusQuery;

/**
 * The upgrade from the service's own outbox relay to the platform's: events the previous version wrote to
 * {@code outbox} but had not published yet, before the new version started or while both versions ran side by side
 * (a rolling upgrade), are published exactly once by the platform's relay from the same table; the previous version's
 * upload and email rows read as before.
 */
class OutboxUpgradeIntegrationTest {

    private static final String DATABASE = "notification_upgrade";

    private final UUID fileId = UUID.randomUUID();
    private final String trainerId = "trainer-" + fileId;
    private final Instant sentAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
    private final List<EmailSent> recorded = new ArrayList<>();
    private final AvroEventSerializer avro = new AvroEventSerializer();

    @Test
    void shouldPublishTheEventsThePreviousVersionLeftInTheOutboxExactlyOnce() {
        // Given the previous version's schema (V1) with an upload, its sent email and three events not yet published
        Map<String, String> properties = new LinkedHashMap<>();
        SpringProperties.kafka().forEach(properties::put);
        SpringProperties.jwt().forEach(properties::put);
        SpringProperties.datasource(DATABASE).forEach(properties::put);
        String url = properties.get("spring.datasource.url");
        Flyway.configure().dataSource(url, Postgres.USER, Postgres.PASSWORD).schemas("notification")
                .defaultSchema("notification").createSchemas(true).target("1").load().migrate();
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url + "&currentSchema=notification",
                Postgres.USER, Postgres.PASSWORD));
        recordUploadAsPreviousVersion(jdbc);
        for (int i = 0; i < 3; i++) {
            recordAsPreviousVersion(jdbc);
        }

        // When the new version starts on that database (its listeners stay off: only the upgrade is looked at)
        properties.put("server.port", "0");
        properties.put("spring.kafka.listener.auto-startup", "false");
        properties.put("spring.mail.host", DevStack.smtp().host());
        properties.put("spring.mail.port", Integer.toString(DevStack.smtp().port()));
        properties.put("apexshare.notification.consumer-group", "notification-upgrade-test");
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(NotificationServiceApplication.class)
                .run(arguments)) {

            // Then each waiting event is published exactly once, as the previous version wrote it
            assertPublishedExactlyOnce(jdbc);

            // And so are those that a replica of the previous version, still running, writes meanwhile
            for (int i = 0; i < 2; i++) {
                recordAsPreviousVersion(jdbc);
            }
            assertPublishedExactlyOnce(jdbc);

            // And the previous version's email reads as it was recorded
            List<EmailStatusQuery.EmailState> emails = app.getBean(EmailStatusQuery.class).emailsOf(fileId, trainerId);
            assertThat(emails).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(EmailKind.STUDENT_LINK);
                assertThat(e.status()).isEqualTo(EmailStatus.SENT);
                assertThat(e.attempts()).isEqualTo(1);
                assertThat(e.sentAt()).isEqualTo(sentAt);
                assertThat(e.transport()).isEqualTo("SMTP");
            });
        }
    }

    private void recordUploadAsPreviousVersion(JdbcClient jdbc) {
        jdbc.sql("""
                INSERT INTO upload (file_id, trainer_id, trainer_name, student_email, student_name, file_name,
                                    file_size, retention_until, initiated_at, completed_at, completion_signals,
                                    updated_at)
                VALUES (:fileId, :trainerId, 'Tom', 'sam@riders.test', 'Sam', 'GX.MP4', 42, :retention, :at, :at, 1,
                        :at)
                """)
                .param("fileId", fileId).param("trainerId", trainerId)
                .param("retention", sentAt.plus(30, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC))
                .param("at", sentAt.atOffset(ZoneOffset.UTC)).update();
        jdbc.sql("""
                INSERT INTO email (file_id, kind, status, attempts, next_attempt_at, claimed_at, sent_at, transport,
                                   provider_message_id, link_token_sha256, link_expires_at, created_at, updated_at)
                VALUES (:fileId, 'STUDENT_LINK', 'SENT', 1, :at, :at, :at, 'SMTP', 'msg-1', :sha, :retention, :at, :at)
                """)
                .param("fileId", fileId).param("sha", LinkToken.generate().sha256Hex())
                .param("retention", sentAt.plus(30, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC))
                .param("at", sentAt.atOffset(ZoneOffset.UTC)).update();
    }

    /** What the previous version's OutboxEmailEvents did: the event's Avro single-object bytes, no lease columns. */
    private void recordAsPreviousVersion(JdbcClient jdbc) {
        EmailSent event = EmailSent.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(sentAt)
                .setFileId(fileId.toString()).setProviderMessageId("msg-" + recorded.size()).setSentAt(sentAt)
                .setLinkTokenSha256(LinkToken.generate().sha256Hex()).setLinkExpiresAt(sentAt.plusSeconds(3600))
                .setTransport(EmailTransport.SMTP).build();
        jdbc.sql("INSERT INTO outbox (topic, event_key, payload, created_at) VALUES (:topic, :key, :payload, :now)")
                .param("topic", Topics.EMAIL_SENT.name()).param("key", fileId.toString())
                .param("payload", avro.serialize(Topics.EMAIL_SENT.name(), event))
                .param("now", Instant.now().atOffset(ZoneOffset.UTC)).update();
        recorded.add(event);
    }

    /** Once the outbox holds no event of the upload any more, nothing can publish one again. */
    private void assertPublishedExactlyOnce(JdbcClient jdbc) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT count(*) FROM outbox WHERE event_key = :k")
                .param("k", fileId.toString()).query(Long.class).single() == 0);
        List<EmailSent> published = TopicContents.read(Topics.EMAIL_SENT.name(), new AvroEventDeserializer())
                .valuesWithKey(fileId.toString()).stream().map(EmailSent.class::cast).toList();
        assertThat(published).containsExactlyInAnyOrderElementsOf(recorded);
    }
}
