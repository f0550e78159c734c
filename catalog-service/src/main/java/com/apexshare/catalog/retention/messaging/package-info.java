/** Kafka adapter of retention: publishes {@code UploadDeleted(RETENTION_EXPIRED)} and waits for the broker's acks. */
package com.apexshare.catalog.retention.messaging;
