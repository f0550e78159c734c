package com.apexshare.upload.s3notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import com.apexshare.events.CompletionSource;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadCompleted;
import com.apexshare.upload.UploadIntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/** S3 event messages on the raw topic, as S3 (via a bridge) or MinIO's Kafka target write them. */
class S3NotificationBridgeIntegrationTest extends UploadIntegrationTestSupport {

    private static final String DEAD_LETTERS = Topics.S3_NOTIFICATIONS_RAW.deadLetter("upload-service");

    /** An S3 event message exactly as AWS documents it (event message structure, version 2.1). */
    static String awsMessage(String bucket, String key, long size, String eTag) {
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
                "eventTime":"2026-05-14T10:00:00.000Z","eventName":"ObjectCreated:Put",
                "userIdentity":{"principalId":"AWS:AIDAJDPLRKLG7UEXAMPLE"},
                "requestParameters":{"sourceIPAddress":"203.0.113.7"},
                "responseElements":{"x-amz-request-id":"C3D13FE58DE4C810","x-amz-id-2":"FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD"},
                "s3":{"s3SchemaVersion":"1.0","configurationId":"apexshare-videos-created",
                "bucket":{"name":"%s","ownerIdentity":{"principalId":"A3NL1KOZZKExample"},"arn":"arn:aws:s3:::%s"},
                "object":{"key":"%s","size":%d,"eTag":"%s","sequencer":"0055AED6DCD90281E5"}}}]}
                """.formatted(bucket, bucket, URLEncoder.encode(key, StandardCharsets.UTF_8), size, eTag);
    }

    /** MinIO's variant: {@code s3:}-prefixed event names, plus its own top-level fields. */
    static String minioMessage(String bucket, String key, long size, String eTag) {
        return """
                {"EventName":"s3:ObjectCreated:CompleteMultipartUpload","Key":"%s/%s","Records":[{"eventVersion":"2.0",
                "eventSource":"minio:s3","awsRegion":"","eventTime":"2026-05-14T10:00:00.000Z",
                "eventName":"s3:ObjectCreated:CompleteMultipartUpload","userIdentity":{"principalId":"minioadmin"},
                "s3":{"s3SchemaVersion":"1.0","configurationId":"Config","bucket":{"name":"%s",
                "ownerIdentity":{"principalId":"minioadmin"},"arn":"arn:aws:s3:::%s"},
                "object":{"key":"%s","size":%d,"eTag":"%s","contentType":"video/mp4","sequencer":"17A2B3C4D5E6F708"}}}]}
                """.formatted(bucket, key, bucket, bucket, URLEncoder.encode(key, StandardCharsets.UTF_8), size, eTag);
    }

    @Test
    void shouldTurnAnS3ObjectCreatedMessageIntoUploadCompleted() throws Exception {
        // Given a small upload whose client PUT the file but never called complete
        String token = token(newTrainer());
        byte[] video = randomBytes(2048);
        JsonNode started = data(post("/api/v1/uploads/initiate", token, initiateBody("lap 3.mp4", video.length)));
        UUID fileId = UUID.fromString(started.path("fileId").asString());
        assertThat(put(started.path("uploadUrl").asString(), video, fields(started))
                .statusCode()).isEqualTo(200);
        String key = events(Topics.UPLOAD_INITIATED, fileId).get(0).getObjectKey();

        // When S3's ObjectCreated message arrives on the raw topic
        produceRaw(Topics.S3_NOTIFICATIONS_RAW.name(), key, awsMessage(BUCKET, key, video.length,
                md5(video)));

        // Then UploadCompleted is published from the notification, and the upload counts as completed
        List<UploadCompleted> completions = await().atMost(Duration.ofSeconds(60))
                .until(() -> events(Topics.UPLOAD_COMPLETED, fileId), l -> !l.isEmpty());
        assertThat(completions).singleElement().satisfies(e -> {
            assertThat(e.getSource()).isEqualTo(CompletionSource.S3_NOTIFICATION);
            assertThat(e.getSize()).isEqualTo(video.length);
            assertThat(e.getETag()).isEqualTo(md5(video));
            assertThat(e.getObjectKey()).isEqualTo(key);
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> data(get("/api/v1/uploads/" + fileId + "/parts", token))
                .path("status").asString().equals("COMPLETED"));

        // And the client's late complete gets the same result
        HttpResponse<String> late = post("/api/v1/uploads/" + fileId + "/complete", token, null);
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(data(late).path("eTag").asString()).isEqualTo(md5(video));
    }

    @Test
    void shouldPublishForBothSignalsWithTheSameETagWhenTheClientCompletedFirst() throws Exception {
        // Given a multipart upload the client completed
        String token = token(newTrainer());
        byte[] video = randomBytes(5 * MIB + 10);
        JsonNode started = data(post("/api/v1/uploads/initiate", token, initiateBody("ride.mp4", video.length)));
        UUID fileId = UUID.fromString(started.path("fileId").asString());
        List<Map<String, Object>> parts = new ArrayList<>();
        for (JsonNode part : started.path("multipart").path("parts")) {
            int n = part.path("partNumber").asInt();
            parts.add(Map.of("partNumber", n, "eTag", put(part.path("url").asString(),
                    slice(video, n), Map.of()).headers().firstValue("ETag").orElseThrow()));
        }
        String eTag = data(post("/api/v1/uploads/" + fileId + "/complete", token, Map.of("parts", parts)))
                .path("eTag").asString();
        String key = events(Topics.UPLOAD_INITIATED, fileId).get(0).getObjectKey();

        // When MinIO's notification for the same object arrives afterwards
        produceRaw(Topics.S3_NOTIFICATIONS_RAW.name(), key, minioMessage(BUCKET, key, video.length, eTag));

        // Then downstream sees one event per signal, recognisable as the same object by file id and ETag
        List<UploadCompleted> completions = await().atMost(Duration.ofSeconds(60))
                .until(() -> events(Topics.UPLOAD_COMPLETED, fileId), l -> l.size() >= 2);
        assertThat(completions).extracting(UploadCompleted::getSource)
                .containsExactlyInAnyOrder(CompletionSource.CLIENT, CompletionSource.S3_NOTIFICATION);
        assertThat(completions).extracting(UploadCompleted::getETag).containsOnly(eTag);
        assertThat(completions).extracting(UploadCompleted::getEventId).doesNotHaveDuplicates();
    }

    @Test
    void shouldSendMalformedMessagesToTheDeadLetterTopic() throws Exception {
        // Given messages that are not S3 event messages
        String notJson = "key-" + UUID.randomUUID();
        String noObjectKey = "key-" + UUID.randomUUID();
        String noRecords = "key-" + UUID.randomUUID();
        String noKeyMessage = "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\""
                + BUCKET + "\"},\"object\":{\"size\":1}}}]}";

        // When they arrive on the raw topic
        produceRaw(Topics.S3_NOTIFICATIONS_RAW.name(), notJson, "this is { not json");
        produceRaw(Topics.S3_NOTIFICATIONS_RAW.name(), noObjectKey, noKeyMessage);
        produceRaw(Topics.S3_NOTIFICATIONS_RAW.name(), noRecords, "{\"hello\":\"world\"}");

        // Then each lands unchanged in the service's dead-letter topic
        List<ConsumerRecord<String, String>> dead = await().atMost(Duration.ofSeconds(60)).until(
                () -> read(DEAD_LETTERS, new StringDeserializer()).stream()
                        .filter(r -> List.of(notJson, noObjectKey, noRecords).contains(r.key())).toList(),
                l -> l.size() >= 3);
        assertThat(dead).filteredOn(r -> r.key().equals(notJson)).extracting(ConsumerRecord::value)
                .containsOnly("this is { not json");
        assertThat(dead).filteredOn(r -> r.key().equals(noObjectKey)).extracting(ConsumerRecord::value)
                .containsOnly(noKeyMessage);
        assertThat(dead).filteredOn(r -> r.key().equals(noRecords)).isNotEmpty();
    }

    @Test
    void shouldIgnoreObjectsOutsideVideosAndUnknownUploads() throws Exception {
        // Given an object outside videos/, a videos/ key of no upload, and then a real upload's object
        String partitionKey = "ordering-" + UUID.randomUUID();
        String otherKey = "thumbnails/" + UUID.randomUUID() + ".jpg";
        s3().putObject(b -> b.bucket(BUCKET).key(otherKey), software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
        UUID unknownId = UUID.randomUUID();
        String unknownKey = "videos/" + LocalDate.now(ZoneOffset.UTC) + "/" + unknownId + "-ghost.mp4";
        s3().putObject(b -> b.bucket(BUCKET).key(unknownKey), software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
        String token = token(newTrainer());
        byte[] video = randomBytes(512);
        JsonNode started = data(post("/api/v1/uploads/initiate", token, initiateBody("real.mp4", video.length)));
        UUID fileId = UUID.fromString(started.path("fileId").asString());
        put(started.path("uploadUrl").asString(), video, fields(started));
        String key = events(Topics.UPLOAD_INITIATED, fileId).get(0).getObjectKey();

        // When their notifications arrive in this order on one partition
        produceRaw(Topics.S3_NOTIFICATIONS_RAW.name(), partitionKey, awsMessage(BUCKET, otherKey, 1, "x"));
        produceRaw(Topics.S3_NOTIFICATIONS_RAW.name(), partitionKey, awsMessage(BUCKET, unknownKey, 1, "x"));
        produceRaw(Topics.S3_NOTIFICATIONS_RAW.name(), partitionKey, awsMessage("some-other-bucket", key, 512, "x"));
        produceRaw(Topics.S3_NOTIFICATIONS_RAW.name(), partitionKey, awsMessage(BUCKET, key, 512, "x"));

        // Then only the real upload completes (the earlier ones were handled first): nothing else, no dead letters
        List<UploadCompleted> completions = await().atMost(Duration.ofSeconds(60))
                .until(() -> events(Topics.UPLOAD_COMPLETED, fileId), l -> !l.isEmpty());
        assertThat(completions).hasSize(1);
        assertThat(events(Topics.UPLOAD_COMPLETED, unknownId)).isEmpty();
        assertThat(read(DEAD_LETTERS, new StringDeserializer())).noneMatch(r -> partitionKey.equals(r.key()));
    }
}
