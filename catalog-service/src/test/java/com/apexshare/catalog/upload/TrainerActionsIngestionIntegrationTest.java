package com.apexshare.catalog.upload;

import static com.apexshare.catalog.TestEvents.completed;
import static com.apexshare.catalog.TestEvents.emailSent;
import static com.apexshare.catalog.TestEvents.initiated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.apexshare.catalog.CatalogIntegrationTest;
import com.apexshare.catalog.CatalogProperties;
import com.apexshare.catalog.TestEvents;
import com.apexshare.catalog.TopicReader;
import com.apexshare.catalog.retention.RetentionJob;
import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.S3Store;
import com.apexshare.events.CompletionSource;
import com.apexshare.events.EmailPurpose;
import com.apexshare.events.LinkRevocationReason;
import com.apexshare.events.LinkRevoked;
import com.apexshare.events.ReminderSettingChanged;
import com.apexshare.events.StudentAddressChanged;
import com.apexshare.events.StudentEmailResent;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadExpiryChanged;
import com.apexshare.events.UploadInitiated;
import com.apexshare.events.serde.AvroEventDeserializer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tools.jackson.databind.JsonNode;

/**
 * The trainer actions' events in the catalog: an expiry change moves the removal of the video, changes arriving twice
 * or out of order settle on the latest, and the per-student view lists one trainer's uploads for one address.
 */
class TrainerActionsIngestionIntegrationTest extends CatalogIntegrationTest {

    @Autowired
    RetentionJob retention;

    @Autowired
    CatalogProperties properties;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldRemoveTheVideoAtTheExtendedExpiryInsteadOfTheFirstOne() {
        // Given an upload kept for an hour whose trainer extended it to three hours
        String bucket = configuredBucket();
        String trainer = "trainer-" + UUID.randomUUID();
        String fileId = UUID.randomUUID().toString();
        String key = "videos/2026-05-14/" + fileId + "-GX010042.MP4";
        Instant t0 = TestEvents.now();
        try (S3Client s3 = s3()) {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("video"));
            awaitApplied(publish(
                    initiated(fileId, trainer, t0).setBucket(bucket).setObjectKey(key)
                            .setRetentionUntil(t0.plus(Duration.ofHours(1))).build(),
                    completed(fileId, t0.plusSeconds(5), 5L, CompletionSource.CLIENT),
                    expiryChanged(fileId, t0.plus(Duration.ofHours(3)), t0.plus(Duration.ofHours(1)), 1)));
            assertThat(detail(fileId, trainer).path("expiresAt").asString())
                    .isEqualTo(t0.plus(Duration.ofHours(3)).toString());

            // When two hours pass (past the first end, before the new one) and retention runs
            clock.advance(Duration.ofHours(2));
            retention.expireDue();

            // Then the upload is still available and its video still there
            assertThat(detail(fileId, trainer).path("status").asString()).isEqualTo("AVAILABLE");
            assertThat(exists(s3, bucket, key)).isTrue();

            // When the new end passes too
            clock.advance(Duration.ofHours(2));

            // Then the video is removed and the upload expired
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(detail(fileId, trainer).path("status").asString()).isEqualTo("EXPIRED"));
            assertThat(exists(s3, bucket, key)).isFalse();
        }
    }

    @Test
    void shouldRemoveTheVideoEarlierWhenTheTrainerShortensTheExpiry() {
        // Given an upload kept for 30 days whose trainer shortened it to one hour
        String bucket = configuredBucket();
        String trainer = "trainer-" + UUID.randomUUID();
        String fileId = UUID.randomUUID().toString();
        String key = "videos/2026-05-14/" + fileId + "-GX010042.MP4";
        Instant t0 = TestEvents.now();
        try (S3Client s3 = s3()) {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("video"));
            awaitApplied(publish(
                    initiated(fileId, trainer, t0).setBucket(bucket).setObjectKey(key).build(),
                    completed(fileId, t0.plusSeconds(5), 5L, CompletionSource.CLIENT),
                    expiryChanged(fileId, t0.plus(Duration.ofHours(1)), t0.plus(Duration.ofDays(30)), 1)));

            // When two hours pass
            clock.advance(Duration.ofHours(2));

            // Then the video is removed and the upload expired
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(detail(fileId, trainer).path("status").asString()).isEqualTo("EXPIRED"));
            assertThat(exists(s3, bucket, key)).isFalse();
        }
    }

    @Test
    void shouldTreatARedeliveredInitiationAfterTheTrainersChangesAsARepetition() {
        // Given an initiated upload whose trainer then corrected the address and moved the end
        String trainer = "trainer-" + UUID.randomUUID();
        String fileId = UUID.randomUUID().toString();
        Instant t0 = TestEvents.now();
        Instant newEnd = t0.plus(Duration.ofDays(10));
        UploadInitiated first = initiated(fileId, trainer, t0).build();
        awaitApplied(publish(first,
                addressChanged(fileId, "sue.fixed@student.example", null, 2, t0.plusSeconds(20)),
                expiryChanged(fileId, newEnd, first.getRetentionUntil(), 1)));

        // When the initiation is delivered again (a consumer's redelivery)
        awaitApplied(publish(first));

        // Then it is a repetition, not a contradiction: the corrected address and end stay, nothing is dead-lettered
        JsonNode detail = detail(fileId, trainer);
        assertThat(detail.path("studentEmail").asString()).isEqualTo("sue.fixed@student.example");
        assertThat(detail.path("expiresAt").asString()).isEqualTo(newEnd.toString());
        assertThat(TopicReader.readAll(List.of(Topics.UPLOAD_INITIATED.deadLetter(GROUP)),
                new AvroEventDeserializer(), r -> fileId.equals(r.key()))).isEmpty();
    }

    @Test
    void shouldSettleOnTheLatestChangesWhateverTheOrderAndRepetition() {
        // Given the changes of one upload arriving before its initiation, newest first, some twice
        String trainer = "trainer-" + UUID.randomUUID();
        String fileId = UUID.randomUUID().toString();
        Instant t0 = TestEvents.now();
        Instant latestEnd = t0.plus(Duration.ofDays(12));
        awaitApplied(publish(
                addressChanged(fileId, "sue.third@student.example", null, 3, t0.plusSeconds(30)),
                addressChanged(fileId, "sue.second@student.example", "Sue Second", 2, t0.plusSeconds(20)),
                expiryChanged(fileId, latestEnd, t0.plus(Duration.ofDays(5)), 2),
                expiryChanged(fileId, t0.plus(Duration.ofDays(5)), t0.plus(Duration.ofDays(30)), 1),
                reminders(fileId, true, 2), reminders(fileId, false, 1), reminders(fileId, true, 2),
                revoked(fileId, t0.plusSeconds(40)), revoked(fileId, t0.plusSeconds(50)),
                resent(fileId, t0.plusSeconds(10))));
        // When the initiation (with the first address and end), the completion and the emails arrive late
        awaitApplied(publish(initiated(fileId, trainer, t0).build(),
                completed(fileId, t0.plusSeconds(5), 5L, CompletionSource.CLIENT),
                emailSent(fileId, t0.plusSeconds(6)), reminderSent(fileId, t0.plus(Duration.ofHours(48)))));

        // Then the catalog shows the latest address (with the initiation's name, as the latest change kept it), end,
        // reminder setting, the first revocation, the resend and the reminder
        JsonNode detail = detail(fileId, trainer);
        assertThat(detail.path("studentEmail").asString()).isEqualTo("sue.third@student.example");
        assertThat(detail.path("studentName").asString()).isEqualTo("Sue Student");
        assertThat(detail.path("linkGeneration").asInt()).isEqualTo(3);
        assertThat(detail.path("expiresAt").asString()).isEqualTo(latestEnd.toString());
        assertThat(detail.path("remindersEnabled").asBoolean()).isTrue();
        assertThat(detail.path("linksRevoked").asBoolean()).isTrue();
        assertThat(detail.path("linksRevokedAt").asString()).isEqualTo(t0.plusSeconds(40).toString());
        assertThat(detail.path("lastResentAt").asString()).isEqualTo(t0.plusSeconds(10).toString());
        assertThat(detail.path("emailSentAt").asString()).isEqualTo(t0.plusSeconds(6).toString());
        assertThat(detail.path("reminderSentAt").asString()).isEqualTo(t0.plus(Duration.ofHours(48)).toString());
        assertThat(detail.path("status").asString()).isEqualTo("AVAILABLE");
    }

    @Test
    void shouldListEveryUploadOfOneStudentAcrossSessionsForTheirTrainerOnly() {
        // Given two uploads of one trainer for one student (address in two cases), one for another student, and
        // another trainer's upload for the same student
        String trainer = "trainer-" + UUID.randomUUID();
        String other = "trainer-" + UUID.randomUUID();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String unrelated = UUID.randomUUID().toString();
        String foreign = UUID.randomUUID().toString();
        String email = "rider-" + UUID.randomUUID().toString().substring(0, 8) + "@student.example";
        Instant t0 = TestEvents.now();
        awaitApplied(publish(
                initiated(first, trainer, t0).setStudentEmail(email).setStudentName("Rider One")
                        .setSessionDate(java.time.LocalDate.of(2026, 5, 1)).build(),
                completed(first, t0.plusSeconds(1), 5L, CompletionSource.CLIENT),
                initiated(second, trainer, t0.plusSeconds(60)).setStudentEmail(email.toUpperCase())
                        .setStudentName("Rider Newest").setSessionDate(java.time.LocalDate.of(2026, 5, 14)).build(),
                completed(second, t0.plusSeconds(61), 5L, CompletionSource.CLIENT),
                TestEvents.downloaded(second, UUID.randomUUID().toString(), t0.plusSeconds(90)),
                initiated(unrelated, trainer, t0).setStudentEmail("someone.else@student.example").build(),
                initiated(foreign, other, t0).setStudentEmail(email).build()));

        // When the trainer opens the student's page, by the address in another case
        JsonNode page = getJson("/api/v1/students/" + email.toUpperCase() + "/uploads", token(trainer));

        // Then it lists the student's two uploads newest first, with the student's totals
        JsonNode data = page.path("data");
        assertThat(data.path("uploads").valueStream().map(u -> u.path("fileId").asString()))
                .containsExactly(second, first);
        JsonNode student = data.path("student");
        assertThat(student.path("studentEmail").asString()).isEqualTo(email);
        assertThat(student.path("studentName").asString()).isEqualTo("Rider Newest");
        assertThat(student.path("uploads").asLong()).isEqualTo(2);
        assertThat(student.path("downloads").asLong()).isEqualTo(1);
        assertThat(student.path("notDownloaded").asLong()).isEqualTo(1);
        assertThat(student.path("firstSessionDate").asString()).isEqualTo("2026-05-01");
        assertThat(student.path("lastSessionDate").asString()).isEqualTo("2026-05-14");
        // and another trainer sees only theirs; an unknown student is 404, a non-address 400
        assertThat(getJson("/api/v1/students/" + email + "/uploads", token(other)).path("data").path("uploads")
                .valueStream().map(u -> u.path("fileId").asString())).containsExactly(foreign);
        assertThat(get("/api/v1/students/nobody@student.example/uploads", token(trainer)).statusCode())
                .isEqualTo(404);
        assertThat(get("/api/v1/students/not-an-address/uploads", token(trainer)).statusCode()).isEqualTo(400);
    }

    private JsonNode detail(String fileId, String trainer) {
        return getJson("/api/v1/uploads/" + fileId, token(trainer)).path("data");
    }

    private static UploadExpiryChanged expiryChanged(String fileId, Instant end, Instant previous, long revision) {
        return UploadExpiryChanged.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setFileId(fileId).setExpiresAt(end).setPreviousExpiresAt(previous).setRevision(revision).build();
    }

    private static StudentAddressChanged addressChanged(String fileId, String email, String name, int generation,
            Instant at) {
        return StudentAddressChanged.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                .setFileId(fileId).setStudentEmail(email).setStudentName(name).setLinkGeneration(generation).build();
    }

    private static ReminderSettingChanged reminders(String fileId, boolean enabled, long revision) {
        return ReminderSettingChanged.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now()).setFileId(fileId).setRemindersEnabled(enabled).setRevision(revision)
                .build();
    }

    private static LinkRevoked revoked(String fileId, Instant at) {
        return LinkRevoked.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at).setFileId(fileId)
                .setReason(LinkRevocationReason.TRAINER_REVOKED).build();
    }

    private static StudentEmailResent resent(String fileId, Instant at) {
        return StudentEmailResent.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                .setFileId(fileId).setLinkGeneration(1).build();
    }

    private static com.apexshare.events.EmailSent reminderSent(String fileId, Instant at) {
        com.apexshare.events.EmailSent sent = emailSent(fileId, at);
        sent.put("purpose", EmailPurpose.REMINDER);
        return sent;
    }

    /**
     * The bucket the service is configured with: the catalog believes an initiation only there (and retention deletes
     * nowhere else); each test keeps to its own keys.
     */
    private String configuredBucket() {
        String bucket = properties.s3().bucket();
        DevStack.s3().createBucket(bucket);
        return bucket;
    }

    private static boolean exists(S3Client s3, String bucket, String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static S3Client s3() {
        return S3Client.builder().endpointOverride(DevStack.s3().endpoint()).forcePathStyle(true)
                .region(Region.of(S3Store.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Store.ACCESS_KEY, S3Store.SECRET_KEY)))
                .build();
    }
}
