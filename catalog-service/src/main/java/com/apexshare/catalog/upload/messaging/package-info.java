/**
 * Kafka adapter of the catalog: one batch listener on the six event topics decodes the Avro events into
 * {@link com.apexshare.catalog.upload.UploadEvent}s and hands whole polls to the ledger; a record that cannot be
 * decoded or applied is singled out and sent to the dead-letter topic while the rest of its partition moves on.
 */
package com.apexshare.catalog.upload.messaging;
