/** PostgreSQL adapter of retention: claims due uploads with {@code FOR UPDATE SKIP LOCKED}. */
package com.apexshare.catalog.retention.persistence;
