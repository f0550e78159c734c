/**
 * Kafka adapter of the email feature: thin listeners that map the upload events to the ledger, and the table-backed
 * outbox through which {@code EmailSent} / {@code EmailFailed} reach Kafka even when Kafka blips at the moment an email
 * is recorded. Avro classes stay in this package.
 */
package com.apexshare.notification.email.messaging;
