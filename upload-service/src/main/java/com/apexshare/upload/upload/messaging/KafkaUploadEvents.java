package com.apexshare.upload.upload.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.apexshare.events.DeletionReason;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadCompleted;
import com.apexshare.events.UploadDeleted;
import com.apexshare.events.UploadInitiated;
import com.apexshare.platform.kafka.EventPublisher;
import com.apexshare.upload.upload.CompletionSource;
import com.apexshare.upload.upload.NewUpload;
import com.apexshare.upload.upload.StoredObject;
import com.apexshare.upload.upload.UploadEvents;
import com.apexshare.upload.upload.UploadMode;

/**
 * Publishes the upload events as Avro, keyed by file id, and waits for Kafka's acknowledgement (acks=all, idempotent
 * producer) up to {@code apexshare.platform.kafka.send-timeout}.
 */
@Component
public class KafkaUploadEvents implements UploadEvents {

    private final EventPublisher publisher;

    public KafkaUploadEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void initiated(InitiatedUpload u) {
        NewUpload upload = u.upload();
        publisher.publish(Topics.UPLOAD_INITIATED, u.fileId(), UploadInitiated.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(u.occurredAt())
                .setFileId(u.fileId().toString())
                .setTrainerId(upload.trainer().id())
                .setTrainerName(upload.trainer().name())
                .setTrainerEmail(upload.trainer().email())
                .setStudentEmail(upload.student().email())
                .setStudentName(upload.student().name())
                .setSessionDate(upload.sessionDate())
                .setNotes(upload.notes())
                .setFileName(u.fileName())
                .setOriginalFileName(upload.video().originalFileName())
                .setFileSize(upload.video().size())
                .setContentType(upload.video().contentType())
                .setBucket(u.target().bucket())
                .setObjectKey(u.target().objectKey())
                .setUploadMode(u.mode() == UploadMode.SINGLE_PUT ? com.apexshare.events.UploadMode.SINGLE_PUT
                        : com.apexshare.events.UploadMode.MULTIPART)
                .setRetentionUntil(u.retentionUntil())
                .build());
    }

    @Override
    public void completed(UUID fileId, StoredObject object, CompletionSource source, Instant at) {
        publisher.publish(Topics.UPLOAD_COMPLETED, fileId, UploadCompleted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(at)
                .setFileId(fileId.toString())
                .setBucket(object.bucket())
                .setObjectKey(object.key())
                .setSize(object.size())
                .setETag(object.eTag())
                .setSource(source == CompletionSource.CLIENT ? com.apexshare.events.CompletionSource.CLIENT
                        : com.apexshare.events.CompletionSource.S3_NOTIFICATION)
                .build());
    }

    @Override
    public void aborted(UUID fileId, Instant at) {
        publisher.publish(Topics.UPLOAD_DELETED, fileId, UploadDeleted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(at)
                .setFileId(fileId.toString())
                .setReason(DeletionReason.ABORTED)
                .build());
    }
}
