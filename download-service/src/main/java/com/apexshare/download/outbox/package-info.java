/**
 * The transactional outbox of {@code Downloaded} events: each link opening is a row in the service's own database,
 * written in the request; a scheduled relay publishes the rows to Kafka and deletes them once Kafka acknowledged them.
 * A student therefore gets the file while Kafka is unavailable, and no opening is lost: the rows wait and are sent
 * when Kafka is back (at least once; consumers count each {@code downloadId} once).
 */
package com.apexshare.download.outbox;
