package com.apexshare.upload;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Typed configuration of the upload service, under {@code apexshare.upload}. Defaults come from environment
 * variables in {@code application.yaml}; nothing environment-specific is compiled in.
 *
 * @param consumerGroup Kafka consumer group of this service; also names its dead-letter topics
 */
@ConfigurationProperties("apexshare.upload")
public record UploadProperties(String consumerGroup) {
}
