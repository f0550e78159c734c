package com.apexshare.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Typed configuration of the catalog service, under {@code apexshare.catalog}. Defaults come from environment
 * variables in {@code application.yaml}; nothing environment-specific is compiled in.
 *
 * @param consumerGroup Kafka consumer group of this service; also names its dead-letter topics
 */
@ConfigurationProperties("apexshare.catalog")
public record CatalogProperties(String consumerGroup) {
}
