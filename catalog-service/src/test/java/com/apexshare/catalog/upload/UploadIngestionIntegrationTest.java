package com.apexshare.catalog.upload;

import static com.apexshare.catalog.TestEvents.completed;
import static com.apexshare.catalog.TestEvents.deleted;
import static com.apexshare.catalog.TestEvents.downloaded;
import static com.apexshare.catalog.TestEvents.emailFailed;
import static com.apexshare.catalog.TestEvents.emailSent;
import static com.apexshare.catalog.TestEvents.initiated;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.apexshare.catalog.CatalogIntegrationTest;
import com.apexshare.catalog.TestEvents;
import com.apexshare.events.CompletionSource;
import com.apexshare.events.DeletionReason;
import com.apexshare.events.Downloaded;

import tools.jackson.databind.JsonNode;

/** Events in, dashboard out: duplicates, redeliveries and any order of arrival give the same upload. */
class UploadIngestionIntegrationTest extends CatalogIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldShowAnUploadThatWasInitiatedCompletedEmailedAndDownloaded() {
        // Given
        String trainer = "trainer-" + UUID.randomUUID();
        String fileId = UUID.randomUUID().toString();
        Instant t0 = TestEvents.now();

        // When
        awaitApplied(publish(
                initiated(fileId, trainer, t0).build(),
                completed(fileId, t0.plusSeconds(60), 4_800_000_123L, CompletionSource.CLIENT),
                completed(fileId, t0.plusSeconds(61), 4_800_000_123L, CompletionSource.S3_NOTIFICATION),
                emailSent(fileId, t0.plusSeconds(62)),
                downloaded(fileId, UUID.randomUUID().toString(), t0.plusSeconds(120)),
                downloaded(fileId, UUID.randomUUID().toString(), t0.plusSeconds(180))));

        // Then
        JsonNode upload = getJson("/api/v1/uploads/" + fileId, token(trainer)).path("data");
        assertThat(upload.path("fileId").asString()).isEqualTo(fileId);
        assertThat(upload.path("status").asString()).isEqualTo("AVAILABLE");
        assertThat(upload.path("fileName").asString()).isEqualTo("GX010042.MP4");
        assertThat(upload.path("studentEmail").asString()).isEqualTo("sue@student.example");
        assertThat(upload.path("studentName").asString()).isEqualTo("Sue Student");
        assertThat(upload.path("trainerName").asString()).isEqualTo("Tom Trainer");
        assertThat(upload.path("sessionDate").asString()).isEqualTo("2026-05-14");
        assertThat(upload.path("notes").asString()).isEqualTo("Watch your line in turn 3");
        assertThat(upload.path("fileSize").asLong()).isEqualTo(4_800_000_123L);
        assertThat(Instant.parse(upload.path("uploadDate").asString())).isEqualTo(t0);
        assertThat(Instant.parse(upload.path("completedAt").asString())).isEqualTo(t0.plusSeconds(60));
        assertThat(upload.path("emailSent").asBoolean()).isTrue();
        assertThat(upload.path("emailStatus").asString()).isEqualTo("SENT");
        assertThat(Instant.parse(upload.path("emailSentAt").asString())).isEqualTo(t0.plusSeconds(62));
        assertThat(upload.path("downloadCount").asLong()).isEqualTo(2);
        assertThat(Instant.parse(upload.path("lastDownloadAt").asString())).isEqualTo(t0.plusSeconds(180));
        assertThat(Instant.parse(upload.path("expiresAt").asString())).isEqualTo(t0.plus(java.time.Duration.ofDays(30)));
    }

    @Test
    void shouldCountARedeliveredDownloadOnce() {
        // Given
        String trainer = "trainer-" + UUID.randomUUID();
        String fileId = UUID.randomUUID().toString();
        Instant t0 = TestEvents.now();
        Downloaded first = downloaded(fileId, UUID.randomUUID().toString(), t0.plusSeconds(10));
        Downloaded second = downloaded(fileId, UUID.randomUUID().toString(), t0.plusSeconds(20));

        // When the same download arrives several times, also as a copy with another event id
        Downloaded copy = Downloaded.newBuilder(first).setEventId(UUID.randomUUID().toString()).build();
        List<RecordMetadata> sent = new ArrayList<>();
        sent.addAll(publish(initiated(fileId, trainer, t0).build(), first, first, second, copy));
        sent.addAll(publish(first, second));
        awaitApplied(sent);

        // Then
        JsonNode upload = getJson("/api/v1/uploads/" + fileId, token(trainer)).path("data");
        assertThat(upload.path("downloadCount").asLong()).isEqualTo(2);
    }

    @Test
    void shouldBuildTheUploadWhenLaterEventsArriveBeforeItsInitiation() {
        // Given completion, email and download before the upload's initiation
        String trainer = "trainer-" + UUID.randomUUID();
        String fileId = UUID.randomUUID().toString();
        Instant t0 = TestEvents.now();
        awaitApplied(publish(
                completed(fileId, t0.plusSeconds(60), 1234L, CompletionSource.S3_NOTIFICATION),
                emailSent(fileId, t0.plusSeconds(62)),
                downloaded(fileId, UUID.randomUUID().toString(), t0.plusSeconds(90))));
        assertThat(get("/api/v1/uploads/" + fileId, token(trainer)).statusCode())
                .as("a placeholder without its initiation belongs to nobody yet").isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT download_count FROM upload WHERE file_id = ?::uuid", Long.class, fileId))
                .isEqualTo(1);

        // When
        awaitApplied(publish(initiated(fileId, trainer, t0).build()));

        // Then
        JsonNode upload = getJson("/api/v1/uploads/" + fileId, token(trainer)).path("data");
        assertThat(upload.path("status").asString()).isEqualTo("AVAILABLE");
        assertThat(upload.path("studentEmail").asString()).isEqualTo("sue@student.example");
        assertThat(upload.path("fileSize").asLong()).isEqualTo(1234L);
        assertThat(upload.path("emailSent").asBoolean()).isTrue();
        assertThat(upload.path("downloadCount").asLong()).isEqualTo(1);
    }

    @Test
    void shouldNotBringADeletedUploadBackWithALateCompletion() {
        // Given an aborted upload
        String trainer = "trainer-" + UUID.randomUUID();
        String fileId = UUID.randomUUID().toString();
        Instant t0 = TestEvents.now();
        awaitApplied(publish(initiated(fileId, trainer, t0).build(),
                deleted(fileId, t0.plusSeconds(30), DeletionReason.ABORTED)));

        // When a completion (e.g. a late S3 notification) arrives after the deletion
        awaitApplied(publish(completed(fileId, t0.plusSeconds(20), 99L, CompletionSource.S3_NOTIFICATION)));

        // Then
        JsonNode upload = getJson("/api/v1/uploads/" + fileId, token(trainer)).path("data");
        assertThat(upload.path("completedAt").isNull()).isFalse();
        assertThat(upload.path("status").asString()).isEqualTo("DELETED");
        assertThat(Instant.parse(upload.path("deletedAt").asString())).isEqualTo(t0.plusSeconds(30));
    }

    @Test
    void shouldKeepTheEarliestCompletionWhateverTheOrder() {
        // Given
        String trainer = "trainer-" + UUID.randomUUID();
        String fileId = UUID.randomUUID().toString();
        Instant t0 = TestEvents.now();

        // When the later report is delivered first
        awaitApplied(publish(initiated(fileId, trainer, t0).build(),
                completed(fileId, t0.plusSeconds(90), 2000L, CompletionSource.S3_NOTIFICATION)));
        awaitApplied(publish(completed(fileId, t0.plusSeconds(60), 2000L, CompletionSource.CLIENT)));

        // Then
        assertThat(jdbc.queryForObject("SELECT completed_at FROM upload WHERE file_id = ?::uuid",
                OffsetDateTime.class, fileId).toInstant()).isEqualTo(t0.plusSeconds(60));
        assertThat(jdbc.queryForObject("SELECT status FROM upload WHERE file_id = ?::uuid", String.class, fileId))
                .isEqualTo("AVAILABLE");
    }

    @Test
    void shouldReportAFailedEmail() {
        // Given
        String trainer = "trainer-" + UUID.randomUUID();
        String fileId = UUID.randomUUID().toString();
        Instant t0 = TestEvents.now();

        // When
        awaitApplied(publish(initiated(fileId, trainer, t0).build(),
                completed(fileId, t0.plusSeconds(60), 10L, CompletionSource.CLIENT),
                emailFailed(fileId, t0.plusSeconds(70))));

        // Then
        JsonNode upload = getJson("/api/v1/uploads/" + fileId, token(trainer)).path("data");
        assertThat(upload.path("emailSent").asBoolean()).isFalse();
        assertThat(upload.path("emailStatus").asString()).isEqualTo("FAILED");
        assertThat(upload.path("emailFailureReason").asString()).isEqualTo("RECIPIENT_REJECTED");
    }
}
