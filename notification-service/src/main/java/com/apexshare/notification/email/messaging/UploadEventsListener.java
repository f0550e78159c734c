package com.apexshare.notification.email.messaging;

import java.util.UUID;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.apexshare.events.Downloaded;
import com.apexshare.events.UploadCompleted;
import com.apexshare.events.UploadDeleted;
import com.apexshare.events.UploadInitiated;
import com.apexshare.notification.email.UploadFacts;
import com.apexshare.notification.email.UploadLedger;

/**
 * Decodes the upload events and records them; sending happens elsewhere (the dispatcher), so a slow provider never
 * holds a partition. Each listener has an id so that it can be stopped and started (operators, tests).
 */
@Component
class UploadEventsListener {

    static final String INITIATED = "notification-upload-initiated";
    static final String COMPLETED = "notification-upload-completed";
    static final String DELETED = "notification-upload-deleted";
    static final String DOWNLOADED = "notification-downloaded";

    private final UploadLedger ledger;

    UploadEventsListener(UploadLedger ledger) {
        this.ledger = ledger;
    }

    @KafkaListener(id = INITIATED, idIsGroup = false, topics = "#{T(com.apexshare.events.Topics).UPLOAD_INITIATED.name()}")
    void onInitiated(UploadInitiated event) {
        ledger.recordInitiated(new UploadFacts(fileId(event.getFileId()), event.getOccurredAt(), event.getTrainerId(),
                event.getTrainerName(), event.getTrainerEmail(), event.getStudentEmail(), event.getStudentName(),
                event.getSessionDate(), event.getNotes(), event.getFileName(), event.getFileSize(),
                event.getRetentionUntil()));
    }

    @KafkaListener(id = COMPLETED, idIsGroup = false, topics = "#{T(com.apexshare.events.Topics).UPLOAD_COMPLETED.name()}")
    void onCompleted(UploadCompleted event) {
        ledger.recordCompleted(fileId(event.getFileId()), event.getOccurredAt());
    }

    @KafkaListener(id = DELETED, idIsGroup = false, topics = "#{T(com.apexshare.events.Topics).UPLOAD_DELETED.name()}")
    void onDeleted(UploadDeleted event) {
        ledger.recordDeleted(fileId(event.getFileId()), event.getReason().name(), event.getOccurredAt());
    }

    @KafkaListener(id = DOWNLOADED, idIsGroup = false, topics = "#{T(com.apexshare.events.Topics).DOWNLOADED.name()}")
    void onDownloaded(Downloaded event) {
        ledger.recordDownloaded(fileId(event.getFileId()), event.getOccurredAt());
    }

    private static UUID fileId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedUploadEvent("fileId is not a UUID: " + text, e);
        }
    }
}
