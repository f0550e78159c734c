/**
 * PostgreSQL adapter of retention (Spring Data JPA): finds and locks due uploads with {@code FOR UPDATE SKIP LOCKED}
 * for the short claiming transaction, and locks claimed uploads in file-id order to give them back.
 */
package com.apexshare.catalog.retention.persistence;
