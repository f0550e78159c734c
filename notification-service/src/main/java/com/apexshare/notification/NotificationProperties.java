package com.apexshare.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Typed configuration of the notification service, under {@code apexshare.notification}. Defaults come from environment
 * variables in {@code application.yaml}; nothing environment-specific is compiled in.
 *
 * @param consumerGroup Kafka consumer group of this service; also names its dead-letter topics
 */
@ConfigurationProperties("apexshare.notification")
public record NotificationProperties(String consumerGroup) {
}
