/** Kafka adapter of retention: publishes {@code UploadDeleted(RETENTION_EXPIRED)}. */
package com.apexshare.catalog.retention.messaging;
