/**
 * Kafka adapter of the links: the listener that decodes the upload and notification events into the view's facts
 * (malformed events are refused as {@code MalformedUploadEvent} and dead-lettered at once; everything else is retried
 * by the platform's policy), and the outbox writer of the {@code Downloaded} events.
 */
package com.apexshare.download.link.messaging;
