/**
 * Kafka and SQS adapters: publishing the upload events (Avro, keyed by file id) and feeding raw S3 event messages from
 * {@code Topics.S3_NOTIFICATIONS_RAW} or an SQS queue into the notification bridge.
 */
package com.apexshare.upload.messaging;
