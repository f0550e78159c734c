package com.apexshare.upload.s3notification.messaging;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;

import com.apexshare.events.Topics;
import com.apexshare.platform.kafka.EventsUnavailable;
import com.apexshare.upload.UploadProperties;
import com.apexshare.upload.s3notification.UnreadableNotifications;

/** Unreadable notifications on the raw topic's dead-letter topic of this service's consumer group, as text. */
@Component
class KafkaUnreadableNotifications implements UnreadableNotifications {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaOperations<Object, Object> kafka;
    private final String deadLetterTopic;

    KafkaUnreadableNotifications(KafkaOperations<Object, Object> kafka, UploadProperties properties) {
        this.kafka = kafka;
        this.deadLetterTopic = Topics.S3_NOTIFICATIONS_RAW.deadLetter(properties.consumerGroup());
    }

    @Override
    public void keep(String id, String message) {
        try {
            kafka.send(deadLetterTopic, id, message).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventsUnavailable(deadLetterTopic, e);
        } catch (ExecutionException e) {
            throw new EventsUnavailable(deadLetterTopic, e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw new EventsUnavailable(deadLetterTopic, e);
        }
    }
}
