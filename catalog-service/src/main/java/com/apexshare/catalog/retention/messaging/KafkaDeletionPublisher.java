package com.apexshare.catalog.retention.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;

import com.apexshare.catalog.retention.DeletionPublisher;
import com.apexshare.catalog.upload.UploadEvent;
import com.apexshare.events.DeletionReason;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadDeleted;

/** Publishes to {@code apexshare.upload-deleted.v1}, keyed by file id, and waits for every acknowledgement. */
@Component
class KafkaDeletionPublisher implements DeletionPublisher {

    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final KafkaOperations<Object, Object> kafka;

    KafkaDeletionPublisher(KafkaOperations<Object, Object> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void publish(List<UploadEvent.Deleted> deletions) {
        List<CompletableFuture<?>> sends = new ArrayList<>(deletions.size());
        for (UploadEvent.Deleted deletion : deletions) {
            UploadDeleted event = UploadDeleted.newBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .setOccurredAt(deletion.deletedAt())
                    .setFileId(deletion.fileId().toString())
                    .setReason(DeletionReason.valueOf(deletion.reason()))
                    .build();
            sends.add(kafka.send(Topics.UPLOAD_DELETED.name(), deletion.fileId().toString(), event));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing deletions", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Deletions not acknowledged by Kafka", e);
        }
    }
}
