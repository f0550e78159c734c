package com.apexshare.upload.s3notification.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.apexshare.events.Topics;
import com.apexshare.upload.s3notification.S3NotificationBridge;

/**
 * Feeds the S3 notification bridge from the raw notification topic ({@code Topics.S3_NOTIFICATIONS_RAW}: S3's JSON
 * as text, not Avro, so the value is read as a string): decode, delegate, done. The platform's error policy
 * dead-letters what is not an S3 event message and retries everything else. Switched by
 * {@code apexshare.upload.notifications.kafka.enabled} (off where SQS is the source).
 */
@Component
class S3NotificationEventsListener {

    private final S3NotificationBridge bridge;

    S3NotificationEventsListener(S3NotificationBridge bridge) {
        this.bridge = bridge;
    }

    @KafkaListener(id = "upload-service-s3-notifications", idIsGroup = false,
            topics = Topics.Names.S3_NOTIFICATIONS_RAW,
            autoStartup = "${apexshare.upload.notifications.kafka.enabled:true}",
            properties = "spring.deserializer.value.delegate.class="
                    + "org.apache.kafka.common.serialization.StringDeserializer")
    void onS3NotificationsRaw(String message) {
        bridge.objectsCreated(S3NotificationEventMapper.objectsCreated(message));
    }
}
