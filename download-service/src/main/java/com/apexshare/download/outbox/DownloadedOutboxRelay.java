package com.apexshare.download.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

import com.apexshare.events.DownloadChannel;
import com.apexshare.events.Downloaded;
import com.apexshare.events.Topics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes outbox rows. Each run claims a batch with {@code FOR UPDATE SKIP LOCKED} (replicas share the work without
 * sending a row twice at once), sends every row, waits for Kafka's acknowledgements and deletes the acknowledged rows
 * in the same transaction. Rows whose send failed stay (their attempt count goes up) and are retried on the next run;
 * a crash between send and commit resends them, which consumers absorb by counting each {@code downloadId} once.
 */
class DownloadedOutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(DownloadedOutboxRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaOperations<Object, Object> kafka;
    private final int batchSize;
    private final Duration sendTimeout;
    private final Counter published;
    private final Counter failed;

    DownloadedOutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaOperations<Object, Object> kafka,
            int batchSize, Duration sendTimeout, MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        this.published = Counter.builder("apexshare.downloads.outbox.published")
                .description("Downloaded events relayed from the outbox to Kafka").register(metrics);
        this.failed = Counter.builder("apexshare.downloads.outbox.failed")
                .description("Outbox sends that Kafka did not acknowledge (retried later)").register(metrics);
    }

    /** One scheduled run: a failure (database or Kafka down) is logged and retried at the next run. */
    void runScheduled() {
        try {
            relayPending();
        } catch (RuntimeException e) {
            LOG.warn("Outbox relay run failed; retrying at the next run: {}", e.toString());
        }
    }

    /** Relays batches until the outbox is empty or a send fails; returns how many events were published. */
    int relayPending() {
        int total = 0;
        while (true) {
            Batch batch = transactions.execute(status -> relayBatch());
            total += batch.published();
            if (batch.failed() > 0 || batch.claimed() < batchSize) {
                return total;
            }
        }
    }

    private Batch relayBatch() {
        List<Row> rows = jdbc.sql("""
                SELECT download_id, file_id, occurred_at, user_agent_family, channel
                  FROM downloaded_outbox
                 ORDER BY occurred_at
                 LIMIT :limit
                   FOR UPDATE SKIP LOCKED
                """)
                .param("limit", batchSize)
                .query((rs, n) -> new Row(rs.getObject("download_id", UUID.class), rs.getObject("file_id", UUID.class),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getString("user_agent_family"), rs.getString("channel")))
                .list();
        if (rows.isEmpty()) {
            return new Batch(0, 0, 0);
        }
        List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            sends.add(send(row));
        }
        List<UUID> sent = new ArrayList<>(rows.size());
        List<UUID> unsent = new ArrayList<>();
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        Throwable firstFailure = null;
        for (int i = 0; i < rows.size(); i++) {
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.add(rows.get(i).downloadId());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unsent.add(rows.get(i).downloadId());
            } catch (Exception e) {
                firstFailure = firstFailure == null ? e : firstFailure;
                unsent.add(rows.get(i).downloadId());
            }
        }
        if (!sent.isEmpty()) {
            jdbc.sql("DELETE FROM downloaded_outbox WHERE download_id = ANY(:ids)")
                    .param("ids", sent.toArray(new UUID[0])).update();
            published.increment(sent.size());
        }
        if (!unsent.isEmpty()) {
            jdbc.sql("UPDATE downloaded_outbox SET attempts = attempts + 1 WHERE download_id = ANY(:ids)")
                    .param("ids", unsent.toArray(new UUID[0])).update();
            failed.increment(unsent.size());
            LOG.warn("Kafka did not acknowledge {} of {} Downloaded events; they stay in the outbox for the next run: {}",
                    unsent.size(), rows.size(), firstFailure == null ? "interrupted" : firstFailure.toString());
        }
        return new Batch(rows.size(), sent.size(), unsent.size());
    }

    private CompletableFuture<?> send(Row row) {
        Downloaded event = Downloaded.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(row.occurredAt())
                .setFileId(row.fileId().toString())
                .setDownloadId(row.downloadId().toString())
                .setUserAgentFamily(row.userAgentFamily())
                .setChannel(DownloadChannel.valueOf(row.channel()))
                .build();
        try {
            return kafka.send(Topics.DOWNLOADED.name(), row.fileId().toString(), event);
        } catch (RuntimeException e) {
            // send() itself throws when it cannot get the topic's metadata within max.block.ms.
            return CompletableFuture.failedFuture(e);
        }
    }

    private record Row(UUID downloadId, UUID fileId, Instant occurredAt, String userAgentFamily, String channel) {
    }

    private record Batch(int claimed, int published, int failed) {
    }
}
