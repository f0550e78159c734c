/**
 * Upload sessions in PostgreSQL through Spring Data JPA: the {@code UploadSessions} port, with row locks for state
 * changes and {@code SKIP LOCKED} for housekeeping's claims. The schema is Flyway's ({@code db/migration}).
 */
package com.apexshare.upload.upload.persistence;
