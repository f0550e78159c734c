/**
 * Cross-cutting adapters of the download service: the brief's success and error bodies for every answer, Kafka topics
 * and the consumer error handler with its dead-letter topics, the clock.
 */
package com.apexshare.download.platform;
