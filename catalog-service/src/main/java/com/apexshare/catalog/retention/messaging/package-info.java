/** Kafka adapter of retention: publishes {@code UploadDeleted(RETENTION_EXPIRED)} and waits for the acknowledgements. */
package com.apexshare.catalog.retention.messaging;
