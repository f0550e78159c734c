/**
 * Kafka adapter of the email feature: thin listeners that decode the upload events into the ledger's facts (a
 * malformed event is refused as {@code MalformedUploadEvent} and dead-lettered at once; every other failure is retried
 * by the platform's policy), and the writer of {@code EmailSent} / {@code EmailFailed} into the platform's outbox.
 * Avro classes stay in this package.
 */
package com.apexshare.notification.email.messaging;
