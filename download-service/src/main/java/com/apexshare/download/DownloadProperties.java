package com.apexshare.download;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Typed configuration of the download service, under {@code apexshare.download}. Defaults come from environment
 * variables in {@code application.yaml}; nothing environment-specific is compiled in.
 *
 * @param consumerGroup Kafka consumer group of this service; also names its dead-letter topics
 */
@ConfigurationProperties("apexshare.download")
public record DownloadProperties(String consumerGroup) {
}
