package com.apexshare.notification.email.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.apexshare.events.serde.AvroEventDeserializer;

/**
 * Publishes the outbox to Kafka, oldest first, and deletes what Kafka acknowledged, in one transaction: if Kafka is
 * unreachable the rows stay and the next run tries again, so no event is lost. A crash between the acknowledgement and
 * the commit publishes a row twice, which consumers tolerate (at least once; {@code eventId} identifies a repeat).
 * Replicas share the work with {@code SKIP LOCKED}.
 */
@Component
class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final KafkaTemplate<Object, Object> kafka;
    private final TransactionTemplate transaction;
    private final AvroEventDeserializer deserializer = new AvroEventDeserializer();

    OutboxRelay(JdbcClient jdbc, KafkaTemplate<Object, Object> kafka, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.transaction = new TransactionTemplate(transactions);
    }

    private record Row(long id, String topic, String key, byte[] payload) {
    }

    @Scheduled(fixedDelayString = "${apexshare.notification.outbox-poll-interval}")
    void relay() {
        try {
            while (publishBatch() == BATCH) {
                LOG.debug("Outbox has more events; publishing the next batch");
            }
        } catch (RuntimeException e) {
            LOG.warn("Publishing the outbox failed; it is retried: {}", e.toString());
        }
    }

    /** Publishes one batch in one transaction; returns its size. */
    int publishBatch() {
        Integer published = transaction.execute(status -> publishLocked());
        return published == null ? 0 : published;
    }

    private int publishLocked() {
        List<Row> rows = jdbc.sql("SELECT id, topic, event_key, payload FROM outbox ORDER BY id LIMIT :batch "
                        + "FOR UPDATE SKIP LOCKED")
                .param("batch", BATCH)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("topic"), rs.getString("event_key"),
                        rs.getBytes("payload")))
                .list();
        if (rows.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            SpecificRecord event = deserializer.deserialize(row.topic(), row.payload());
            sends.add(kafka.send(row.topic(), row.key(), event));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing the outbox", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the outbox events", e);
        }
        jdbc.sql("DELETE FROM outbox WHERE id IN (:ids)")
                .param("ids", rows.stream().map(Row::id).toList())
                .update();
        LOG.debug("Published {} outbox event(s)", rows.size());
        return rows.size();
    }
}
