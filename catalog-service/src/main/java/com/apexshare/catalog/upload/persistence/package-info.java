/**
 * PostgreSQL adapter of the catalog: set-based, order-independent writes of event batches (JDBC, one statement per
 * event type per batch) and JPA reads for the dashboard.
 */
package com.apexshare.catalog.upload.persistence;
