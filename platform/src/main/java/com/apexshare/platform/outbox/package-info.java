/**
 * The transactional outbox: an event that must follow a database change is written as a row of the service's own
 * {@code outbox} table in the same transaction ({@link com.apexshare.platform.outbox.Outbox}); the relay publishes
 * the rows to Kafka and deletes them once Kafka acknowledged them. Nothing is lost while Kafka is away, and no request
 * waits for Kafka. Delivery is at least once (a crash between acknowledgement and delete sends a row again), which
 * idempotent consumers absorb. The table belongs to the service (its own Flyway migration; DDL in the platform README).
 */
package com.apexshare.platform.outbox;
