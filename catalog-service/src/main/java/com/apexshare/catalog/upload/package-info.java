/**
 * The catalog of uploads: folds the upload, email and download events into one row per upload (idempotent and
 * independent of the order of arrival) and answers the trainer dashboard. Adapters: {@code messaging} (the batch
 * listener), {@code persistence} (set-based writes, JPA reads), {@code web} (the dashboard API).
 */
package com.apexshare.catalog.upload;
