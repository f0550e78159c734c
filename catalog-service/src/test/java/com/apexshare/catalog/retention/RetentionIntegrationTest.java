package com.apexshare.catalog.retention;

import static com.apexshare.catalog.TestEvents.completed;
import static com.apexshare.catalog.TestEvents.initiated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.apexshare.catalog.CatalogIntegrationTest;
import com.apexshare.catalog.CatalogProperties;
import com.apexshare.catalog.TestEvents;
import com.apexshare.catalog.TopicReader;
import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.S3Store;
import com.apexshare.events.CompletionSource;
import com.apexshare.events.DeletionReason;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadDeleted;
import com.apexshare.events.UploadInitiated;
import com.apexshare.events.serde.AvroEventDeserializer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import tools.jackson.databind.JsonNode;

/**
 * At the end of retention the object leaves S3, the upload is EXPIRED and UploadDeleted is published; a run that dies
 * after claiming loses nothing, and an object that cannot be deleted holds up nothing.
 */
class RetentionIntegrationTest extends CatalogIntegrationTest {

    @Autowired
    ExpiringUploads uploads;

    @Autowired
    RetentionJob retention;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MeterRegistry meters;

    @Autowired
    CatalogProperties properties;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldDeleteTheObjectMarkTheUploadExpiredAndPublishUploadDeleted() {
        // Given a bucket with two videos: one kept for an hour, one for 30 days
        String bucket = configuredBucket();
        String trainer = "trainer-" + UUID.randomUUID();
        Instant t0 = TestEvents.now();
        String due = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        String dueKey = keyOf(due);
        String keptKey = keyOf(kept);
        try (S3Client s3 = s3()) {
            s3.putObject(b -> b.bucket(bucket).key(dueKey), RequestBody.fromString("video a"));
            s3.putObject(b -> b.bucket(bucket).key(keptKey), RequestBody.fromString("video b"));
            awaitApplied(publish(
                    initiatedIn(bucket, dueKey, due, trainer, t0, Duration.ofHours(1)),
                    completed(due, t0.plusSeconds(5), 7L, CompletionSource.CLIENT),
                    initiatedIn(bucket, keptKey, kept, trainer, t0, Duration.ofDays(30)),
                    completed(kept, t0.plusSeconds(5), 7L, CompletionSource.CLIENT)));
            assertThat(status(due, trainer).path("status").asString()).isEqualTo("AVAILABLE");

            // When two hours pass
            clock.advance(Duration.ofHours(2));

            // Then the due upload's object is deleted and the upload expired, its student data erased
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    status(due, trainer).path("status").asString()).isEqualTo("EXPIRED"));
            JsonNode expired = status(due, trainer);
            assertThat(expired.path("studentEmail").isNull()).isTrue();
            assertThat(expired.path("notes").isNull()).isTrue();
            assertThat(expired.path("fileName").asString()).isEqualTo("GX010042.MP4");
            assertThat(exists(s3, bucket, dueKey)).isFalse();
            // and the other one is untouched
            assertThat(status(kept, trainer).path("status").asString()).isEqualTo("AVAILABLE");
            assertThat(exists(s3, bucket, keptKey)).isTrue();
        }
        // and the other services are told, so that the link stops working
        List<SpecificRecord> deletions = TopicReader.readAll(List.of(Topics.UPLOAD_DELETED.name()),
                        new AvroEventDeserializer(), r -> due.equals(r.key()))
                .stream().map(r -> r.value()).toList();
        assertThat(deletions).hasSize(1).first().isInstanceOfSatisfying(UploadDeleted.class,
                d -> assertThat(d.getReason()).isEqualTo(DeletionReason.RETENTION_EXPIRED));
    }

    @Test
    void shouldExpireAnUploadWhoseClaimingRunDiedOnceItsClaimLapses() {
        // Given a due upload with its video
        String bucket = configuredBucket();
        String trainer = "trainer-" + UUID.randomUUID();
        Instant t0 = TestEvents.now();
        String fileId = UUID.randomUUID().toString();
        String key = keyOf(fileId);
        try (S3Client s3 = s3()) {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("video"));
            awaitApplied(publish(
                    initiatedIn(bucket, key, fileId, trainer, t0, Duration.ofHours(1)),
                    completed(fileId, t0.plusSeconds(5), 5L, CompletionSource.CLIENT)));

            // When a replica's run claims it at the end of retention and dies before deleting anything
            Instant end = t0.plus(Duration.ofHours(2));
            transactions.executeWithoutResult(status -> uploads.lockClaimable(end, 10_000).stream()
                    .filter(u -> u.fileId().toString().equals(fileId)).forEach(u -> u.claim(end, lease())));
            clock.advance(Duration.ofHours(2));

            // Then the other runs leave it alone while the claim holds
            retention.expireDue();
            assertThat(status(fileId, trainer).path("status").asString()).isEqualTo("AVAILABLE");
            assertThat(exists(s3, bucket, key)).isTrue();

            // and a later run expires it once the claim has lapsed
            clock.advance(lease().plusMinutes(1));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    status(fileId, trainer).path("status").asString()).isEqualTo("EXPIRED"));
            assertThat(exists(s3, bucket, key)).isFalse();
        }
        assertThat(TopicReader.readAll(List.of(Topics.UPLOAD_DELETED.name()), new AvroEventDeserializer(),
                r -> fileId.equals(r.key()))).hasSize(1);
    }

    @Test
    void shouldRetryAnUploadWhoseObjectCannotBeDeletedWithoutHoldingUpTheOthers() {
        // Given two due uploads in the configured bucket, one whose object S3 refuses to delete (for now)
        String bucket = configuredBucket();
        String trainer = "trainer-" + UUID.randomUUID();
        Instant t0 = TestEvents.now();
        String failing = UUID.randomUUID().toString();
        String fine = UUID.randomUUID().toString();
        String failingKey = keyOf(failing);
        String fineKey = keyOf(fine);
        try (S3Client s3 = s3()) {
            s3.putObject(b -> b.bucket(bucket).key(failingKey), RequestBody.fromString("video a"));
            s3.putObject(b -> b.bucket(bucket).key(fineKey), RequestBody.fromString("video b"));
            DevStack.s3().refuseDeletes(bucket, failingKey);
            try {
                awaitApplied(publish(
                        initiatedIn(bucket, failingKey, failing, trainer, t0, Duration.ofHours(1)),
                        initiatedIn(bucket, fineKey, fine, trainer, t0, Duration.ofHours(1))));
                double failuresBefore = failures();

                // When their retention ends
                clock.advance(Duration.ofHours(2));

                // Then the deletable one expires, and the other one fails, is counted and stays
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        status(fine, trainer).path("status").asString()).isEqualTo("EXPIRED"));
                assertThat(exists(s3, bucket, fineKey)).isFalse();
                await().atMost(Duration.ofSeconds(60)).until(() -> failures() > failuresBefore);
                assertThat(status(failing, trainer).path("status").asString()).isEqualTo("INITIATED");
                assertThat(exists(s3, bucket, failingKey)).isTrue();
            } finally {
                // and once S3 deletes it, a later run expires it too (its claim was given back, not left to lapse)
                DevStack.s3().allowDeletes(bucket, failingKey);
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    status(failing, trainer).path("status").asString()).isEqualTo("EXPIRED"));
            assertThat(exists(s3, bucket, failingKey)).isFalse();
        }
    }

    @Test
    void shouldNeverDeleteAnObjectOutsideTheConfiguredBucketOrTheUploadsOwnKey() {
        // Given objects of other owners: one in another bucket, one under another upload's key in the configured one
        String bucket = configuredBucket();
        String otherBucket = "retention-other-" + UUID.randomUUID().toString().substring(0, 8);
        DevStack.s3().createBucket(otherBucket);
        String trainer = "trainer-" + UUID.randomUUID();
        Instant t0 = TestEvents.now();
        String victim = UUID.randomUUID().toString();
        String victimKey = keyOf(victim);
        String forgedBucket = UUID.randomUUID().toString();
        String forgedKey = UUID.randomUUID().toString();
        String legit = UUID.randomUUID().toString();
        try (S3Client s3 = s3()) {
            s3.putObject(b -> b.bucket(otherBucket).key(keyOf(forgedBucket)), RequestBody.fromString("other"));
            s3.putObject(b -> b.bucket(bucket).key(victimKey), RequestBody.fromString("someone else's video"));
            s3.putObject(b -> b.bucket(bucket).key(keyOf(legit)), RequestBody.fromString("own video"));
            double rejectedBefore = rejected("foreign_bucket") + rejected("foreign_key");
            double deadBefore = deadLetters();

            // When initiations that name those objects arrive, due within the hour, with a legitimate one after them
            awaitApplied(publish(
                    initiatedIn(otherBucket, keyOf(forgedBucket), forgedBucket, trainer, t0, Duration.ofHours(1)),
                    initiatedIn(bucket, victimKey, forgedKey, trainer, t0, Duration.ofHours(1)),
                    initiatedIn(bucket, keyOf(legit), legit, trainer, t0, Duration.ofHours(1))));
            clock.advance(Duration.ofHours(2));

            // Then the legitimate upload expires and its own object goes
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    status(legit, trainer).path("status").asString()).isEqualTo("EXPIRED"));
            assertThat(exists(s3, bucket, keyOf(legit))).isFalse();
            // and the forged ones were never recorded, so nothing of theirs is deleted
            assertThat(get("/api/v1/uploads/" + forgedBucket, token(trainer)).statusCode()).isEqualTo(404);
            assertThat(get("/api/v1/uploads/" + forgedKey, token(trainer)).statusCode()).isEqualTo(404);
            assertThat(exists(s3, otherBucket, keyOf(forgedBucket))).isTrue();
            assertThat(exists(s3, bucket, victimKey)).isTrue();
            // and they are counted and on the dead-letter topic
            await().atMost(Duration.ofSeconds(60)).until(() -> rejected("foreign_bucket") + rejected("foreign_key")
                    >= rejectedBefore + 2 && deadLetters() >= deadBefore + 2);
            String dlt = Topics.deadLetter(Topics.UPLOAD_INITIATED.name(), GROUP);
            assertThat(TopicReader.readAll(List.of(dlt), new AvroEventDeserializer(),
                    r -> forgedBucket.equals(r.key()) || forgedKey.equals(r.key()))).hasSize(2);
        }
    }

    /**
     * The bucket the service is configured with (one for the whole context: retention deletes nowhere else); each test
     * keeps to its own keys.
     */
    private String configuredBucket() {
        String bucket = properties.s3().bucket();
        DevStack.s3().createBucket(bucket);
        return bucket;
    }

    private static String keyOf(String fileId) {
        return "videos/2026-05-14/" + fileId + "-GX010042.MP4";
    }

    /** An upload initiated at {@code t0} whose video is at {@code bucket}/{@code key}, kept for {@code retention}. */
    private static UploadInitiated initiatedIn(String bucket, String key, String fileId, String trainer, Instant t0,
            Duration retention) {
        return initiated(fileId, trainer, t0).setBucket(bucket).setObjectKey(key).setRetentionUntil(t0.plus(retention))
                .build();
    }

    private Duration lease() {
        return properties.retention().lease();
    }

    private double rejected(String reason) {
        Counter counter = meters.find("apexshare.events.rejected").tag("event", "UploadInitiated")
                .tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private double deadLetters() {
        Counter counter = meters.find("apexshare.kafka.dead.letters").tag("topic", Topics.UPLOAD_INITIATED.name())
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double failures() {
        return meters.counter("catalog.retention.failures").count();
    }

    private JsonNode status(String fileId, String trainer) {
        return getJson("/api/v1/uploads/" + fileId, token(trainer)).path("data");
    }

    private static boolean exists(S3Client s3, String bucket, String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
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
