/**
 * Cross-cutting adapters of the upload service: JWT security, the brief's error body for every failure, Kafka topics
 * and the consumer error handler with its dead-letter topics.
 */
package com.apexshare.upload.platform;
