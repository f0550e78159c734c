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

import com.apexshare.catalog.CatalogIntegrationTest;
import com.apexshare.catalog.TestEvents;
import com.apexshare.catalog.TopicReader;
import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.S3Store;
import com.apexshare.events.CompletionSource;
import com.apexshare.events.DeletionReason;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadDeleted;
import com.apexshare.events.serde.AvroEventDeserializer;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import tools.jackson.databind.JsonNode;

/** At the end of retention the object leaves S3, the upload is EXPIRED and UploadDeleted is published. */
class RetentionIntegrationTest extends CatalogIntegrationTest {

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldDeleteTheObjectMarkTheUploadExpiredAndPublishUploadDeleted() {
        // Given a bucket with two videos: one kept for an hour, one for 30 days
        String bucket = "retention-" + UUID.randomUUID().toString().substring(0, 8);
        DevStack.s3().createBucket(bucket);
        String trainer = "trainer-" + UUID.randomUUID();
        Instant t0 = TestEvents.now();
        String due = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        String dueKey = "videos/2026-05-14/" + due + "-a.mp4";
        String keptKey = "videos/2026-05-14/" + kept + "-b.mp4";
        try (S3Client s3 = s3()) {
            s3.putObject(b -> b.bucket(bucket).key(dueKey), RequestBody.fromString("video a"));
            s3.putObject(b -> b.bucket(bucket).key(keptKey), RequestBody.fromString("video b"));
            awaitApplied(publish(
                    initiated(due, trainer, t0).setBucket(bucket).setObjectKey(dueKey)
                            .setRetentionUntil(t0.plus(Duration.ofHours(1))).build(),
                    completed(due, t0.plusSeconds(5), 7L, CompletionSource.CLIENT),
                    initiated(kept, trainer, t0).setBucket(bucket).setObjectKey(keptKey)
                            .setRetentionUntil(t0.plus(Duration.ofDays(30))).build(),
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
