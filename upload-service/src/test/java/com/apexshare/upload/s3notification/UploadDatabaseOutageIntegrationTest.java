package com.apexshare.upload.s3notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.Postgres;
import com.apexshare.events.CompletionSource;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadCompleted;
import com.apexshare.events.UploadInitiated;
import com.apexshare.upload.UploadIntegrationTestSupport;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The platform's error policy on the S3 notification bridge: a notification whose database is down is retried for as
 * long as it takes and then applied, never parked on the dead-letter topic; a notification that can never be handled
 * is dead-lettered at once and the partition moves on.
 */
class UploadDatabaseOutageIntegrationTest extends UploadIntegrationTestSupport {

    private static final String RAW = Topics.S3_NOTIFICATIONS_RAW.name();
    private static final String DEAD_LETTERS = Topics.S3_NOTIFICATIONS_RAW.deadLetter("upload-service");

    @Autowired
    MeterRegistry metrics;

    /** A small upload whose bytes are in S3 but whose client never called complete. */
    private record Landed(UUID fileId, String key, long size, String eTag) {
    }

    @Test
    void shouldRetryNotificationsThroughADatabaseOutageAndCompleteEveryUploadOnceItIsBack() throws Exception {
        // Given 20 uploads whose files landed in S3
        String token = token(newTrainer());
        List<Landed> uploads = land(token, 20);
        List<UUID> fileIds = uploads.stream().map(Landed::fileId).toList();
        double retriesBefore = retries();
        Instant outageStarted;

        // When the upload database refuses connections while their ObjectCreated notifications arrive, for at least
        // 20 retry attempts
        try (Postgres.Outage outage = DevStack.postgres().refuseConnections(DATABASE)) {
            outageStarted = Instant.now();
            for (Landed upload : uploads) {
                produceRaw(RAW, upload.fileId().toString(),
                        S3NotificationBridgeIntegrationTest.awsMessage(BUCKET, upload.key(), upload.size(),
                                upload.eTag()));
            }
            await().atMost(Duration.ofSeconds(180)).until(() -> retries() - retriesBefore >= 20);
        }
        System.out.printf("upload database outage: %d ms, %.0f retries%n",
                Duration.between(outageStarted, Instant.now()).toMillis(), retries() - retriesBefore);

        // Then, once it is back, every upload is completed (the pool reconnects on its own; a check meanwhile may fail)
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .until(() -> fileIds.stream().allMatch(id -> status(token, id).equals("COMPLETED")));

        // And UploadCompleted was published once per upload, from the notification
        Map<UUID, List<UploadCompleted>> completions = events(Topics.UPLOAD_COMPLETED, fileIds);
        for (Landed upload : uploads) {
            assertThat(completions.get(upload.fileId())).as("upload %s", upload.fileId()).singleElement()
                    .satisfies(e -> {
                        assertThat(e.getSource()).isEqualTo(CompletionSource.S3_NOTIFICATION);
                        assertThat(e.getSize()).isEqualTo(upload.size());
                        assertThat(e.getETag()).isEqualTo(upload.eTag());
                    });
        }

        // And nothing of them was parked on the dead-letter topic
        assertThat(read(DEAD_LETTERS, new StringDeserializer())).extracting(ConsumerRecord::key)
                .doesNotContainAnyElementsOf(fileIds.stream().map(UUID::toString).toList());
    }

    @Test
    void shouldDeadLetterAPoisonNotificationAtOnceAndApplyTheNextOneOnItsPartition() throws Exception {
        // Given an upload whose file landed in S3
        String token = token(newTrainer());
        Landed upload = land(token, 1).get(0);
        String partitionKey = "poison-" + UUID.randomUUID();

        // When a notification that is not JSON arrives, then the upload's, on the same partition
        produceRaw(RAW, partitionKey, "this is { not json");
        produceRaw(RAW, partitionKey, S3NotificationBridgeIntegrationTest.awsMessage(BUCKET, upload.key(),
                upload.size(), upload.eTag()));

        // Then the upload is completed from its notification
        await().atMost(Duration.ofSeconds(60)).until(() -> status(token, upload.fileId()).equals("COMPLETED"));
        assertThat(events(Topics.UPLOAD_COMPLETED, upload.fileId())).singleElement()
                .extracting(UploadCompleted::getSource).isEqualTo(CompletionSource.S3_NOTIFICATION);

        // And the poison is on the dead-letter topic, unchanged and once
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(read(DEAD_LETTERS,
                new StringDeserializer())).filteredOn(r -> partitionKey.equals(r.key()))
                .extracting(ConsumerRecord::value).containsExactly("this is { not json"));
    }

    private List<Landed> land(String token, int count) throws Exception {
        Map<UUID, byte[]> videos = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            byte[] video = randomBytes(1000 + i);
            JsonNode started = data(post("/api/v1/uploads/initiate", token, initiateBody("lap-" + i + ".mp4",
                    video.length)));
            assertThat(put(started.path("uploadUrl").asString(), video, fields(started)).statusCode())
                    .isEqualTo(200);
            videos.put(UUID.fromString(started.path("fileId").asString()), video);
        }
        Map<UUID, List<UploadInitiated>> initiated = events(Topics.UPLOAD_INITIATED, List.copyOf(videos.keySet()));
        List<Landed> landed = new ArrayList<>();
        for (Map.Entry<UUID, byte[]> e : videos.entrySet()) {
            landed.add(new Landed(e.getKey(), initiated.get(e.getKey()).get(0).getObjectKey(), e.getValue().length,
                    md5(e.getValue())));
        }
        return landed;
    }

    private String status(String token, UUID fileId) {
        try {
            return data(get("/api/v1/uploads/" + fileId + "/parts", token)).path("status").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private double retries() {
        return metrics.find("apexshare.kafka.listener.retries").tag("topic", RAW).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
