/**
 * The catalog of uploads: folds the upload, email and download events into one row per upload (idempotent and
 * independent of the order of arrival) and answers the trainer dashboard. Ports: {@link
 * com.apexshare.catalog.upload.UploadLedger} (write side), {@link com.apexshare.catalog.upload.UploadQueries} (read
 * side). Adapters: {@code messaging} (batch listeners), {@code persistence} (Spring Data JPA: set-based upserts and
 * reads), {@code web} (the dashboard API).
 */
package com.apexshare.catalog.upload;
