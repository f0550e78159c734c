package com.apexshare.catalog.retention.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.apexshare.catalog.retention.DeletionPublisher;
import com.apexshare.catalog.upload.UploadEvent;
import com.apexshare.events.DeletionReason;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadDeleted;
import com.apexshare.platform.kafka.EventPublisher;

/**
 * Publishes {@code UploadDeleted} keyed by file id through the platform's publish-and-wait: returns once Kafka
 * acknowledged every event, or throws {@code EventsUnavailable} after the send timeout.
 */
@Component
class KafkaDeletionPublisher implements DeletionPublisher {

    private final EventPublisher events;

    KafkaDeletionPublisher(EventPublisher events) {
        this.events = events;
    }

    @Override
    public void publish(List<UploadEvent.Deleted> deletions) {
        Map<UUID, UploadDeleted> byFileId = new LinkedHashMap<>();
        for (UploadEvent.Deleted deletion : deletions) {
            byFileId.put(deletion.fileId(), UploadDeleted.newBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .setOccurredAt(deletion.deletedAt())
                    .setFileId(deletion.fileId().toString())
                    .setReason(DeletionReason.valueOf(deletion.reason()))
                    .build());
        }
        events.publishAll(Topics.UPLOAD_DELETED, byFileId);
    }
}
