/**
 * Retention: at each upload's {@code retentionUntil} the video is deleted from S3, the upload is marked EXPIRED (its
 * student data erased) and {@code UploadDeleted(RETENTION_EXPIRED)} is published so that links stop working. Due
 * uploads are claimed in a short transaction and leased ({@link com.apexshare.catalog.retention.ExpiringUpload}), S3
 * and Kafka are called with no transaction open, and the result is settled through the catalog's ledger. Adapters:
 * {@code persistence} (claims with SKIP LOCKED), {@code s3}, {@code messaging}.
 */
package com.apexshare.catalog.retention;
