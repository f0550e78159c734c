package com.apexshare.upload.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;

import com.apexshare.events.DeletionReason;
import com.apexshare.events.Topic;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadCompleted;
import com.apexshare.events.UploadDeleted;
import com.apexshare.events.UploadInitiated;
import com.apexshare.upload.CompletionSource;
import com.apexshare.upload.EventsUnavailable;
import com.apexshare.upload.UploadEvents;
import com.apexshare.upload.UploadMode;
import com.apexshare.upload.UploadProperties;
import com.apexshare.upload.s3.StoredObject;

/**
 * Publishes the upload events as Avro, keyed by file id, and waits for Kafka's acknowledgement (acks=all, idempotent
 * producer) up to {@code apexshare.upload.event-send-timeout}.
 */
@Component
public class KafkaUploadEvents implements UploadEvents {

    private final KafkaOperations<Object, Object> kafka;
    private final Duration sendTimeout;

    @Autowired
    KafkaUploadEvents(KafkaOperations<Object, Object> kafka, UploadProperties properties) {
        this(kafka, properties.eventSendTimeout());
    }

    public KafkaUploadEvents(KafkaOperations<Object, Object> kafka, Duration sendTimeout) {
        this.kafka = kafka;
        this.sendTimeout = sendTimeout;
    }

    @Override
    public void initiated(InitiatedUpload u) {
        send(Topics.UPLOAD_INITIATED, u.fileId(), UploadInitiated.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(u.occurredAt())
                .setFileId(u.fileId().toString())
                .setTrainerId(u.trainerId())
                .setTrainerName(u.trainerName())
                .setTrainerEmail(u.trainerEmail())
                .setStudentEmail(u.studentEmail())
                .setStudentName(u.studentName())
                .setSessionDate(u.sessionDate())
                .setNotes(u.notes())
                .setFileName(u.fileName())
                .setOriginalFileName(u.originalFileName())
                .setFileSize(u.fileSize())
                .setContentType(u.contentType())
                .setBucket(u.bucket())
                .setObjectKey(u.objectKey())
                .setUploadMode(u.uploadMode() == UploadMode.SINGLE_PUT ? com.apexshare.events.UploadMode.SINGLE_PUT
                        : com.apexshare.events.UploadMode.MULTIPART)
                .setRetentionUntil(u.retentionUntil())
                .build());
    }

    @Override
    public void completed(UUID fileId, StoredObject object, CompletionSource source, Instant at) {
        send(Topics.UPLOAD_COMPLETED, fileId, UploadCompleted.newBuilder()
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
        send(Topics.UPLOAD_DELETED, fileId, UploadDeleted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(at)
                .setFileId(fileId.toString())
                .setReason(DeletionReason.ABORTED)
                .build());
    }

    private <V extends SpecificRecord> void send(Topic<V> topic, UUID fileId, V event) {
        try {
            kafka.send(topic.name(), fileId.toString(), event).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventsUnavailable(topic.name(), e);
        } catch (ExecutionException e) {
            throw new EventsUnavailable(topic.name(), e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            // send() itself throws when the producer cannot even get metadata within max.block.ms.
            throw new EventsUnavailable(topic.name(), e);
        }
    }
}
