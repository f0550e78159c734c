/**
 * Retention: at each upload's {@code retentionUntil} the video is deleted from S3, the upload is marked EXPIRED (its
 * student data erased) and {@code UploadDeleted(RETENTION_EXPIRED)} is published so that links stop working. Adapters:
 * {@code persistence} (claiming due uploads with SKIP LOCKED), {@code s3}, {@code messaging}.
 */
package com.apexshare.catalog.retention;
