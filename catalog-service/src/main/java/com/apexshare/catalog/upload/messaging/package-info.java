/**
 * Kafka adapter of the catalog: one batch listener per event topic decodes the Avro events into
 * {@link com.apexshare.catalog.upload.UploadEvent}s and hands whole polls to the ledger; a record that breaks the
 * contract is named by its index and dead-lettered while the rest of its partition moves on.
 */
package com.apexshare.catalog.upload.messaging;
