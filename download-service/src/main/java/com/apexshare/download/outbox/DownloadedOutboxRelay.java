package com.apexshare.download.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(DownloadedOutboxRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaOperations<Object, Object> kafka;
    private final int batchSize;
    private final Duration sendTimeout;
    private final Counter published;
    private final Counter failed;
    private Duration backoff = Duration.ZERO;
    private long resumeAtNanos = System.nanoTime();

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

    /**
     * One scheduled run. After a failed run (Kafka or the database unreachable) the following runs are skipped for a
     * growing pause, up to {@link #MAX_BACKOFF}, so an outage costs one warning per pause instead of a storm.
     */
    void runScheduled() {
        long now = System.nanoTime();
        if (now - resumeAtNanos < 0) {
            return;
        }
        boolean failedRun;
        try {
            failedRun = relayPending().failed();
        } catch (RuntimeException e) {
            LOG.warn("Outbox relay run failed; retrying in {}: {}", nextBackoff(), e.toString());
            failedRun = true;
        }
        if (failedRun) {
            backoff = nextBackoff();
            resumeAtNanos = System.nanoTime() + backoff.toNanos();
        } else {
            backoff = Duration.ZERO;
        }
    }

    private Duration nextBackoff() {
        Duration doubled = backoff.isZero() ? Duration.ofSeconds(1) : backoff.multipliedBy(2);
        return doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    /** Relays batches until the outbox is empty or a send fails. */
    Result relayPending() {
        int total = 0;
        while (true) {
            Batch batch = transactions.execute(status -> relayBatch());
            total += batch.published();
            if (batch.failed() > 0) {
                return new Result(total, true);
            }
            if (batch.claimed() < batchSize) {
                return new Result(total, false);
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
        List<UUID> sent = new ArrayList<>(rows.size());
        List<UUID> unsent = new ArrayList<>();
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        Throwable failure = await(send(rows.get(0)), deadline);
        if (failure != null) {
            // Kafka is not taking events: give the whole batch back rather than wait for each row to time out.
            rows.forEach(row -> unsent.add(row.downloadId()));
        } else {
            sent.add(rows.get(0).downloadId());
            List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
            for (Row row : rows.subList(1, rows.size())) {
                sends.add(send(row));
            }
            for (int i = 0; i < sends.size(); i++) {
                Throwable error = await(sends.get(i), deadline);
                if (error == null) {
                    sent.add(rows.get(i + 1).downloadId());
                } else {
                    failure = failure == null ? error : failure;
                    unsent.add(rows.get(i + 1).downloadId());
                }
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
                    unsent.size(), rows.size(), failure.toString());
        }
        return new Batch(rows.size(), sent.size(), unsent.size());
    }

    /** Waits for one send until the deadline; returns why it failed, or null when Kafka acknowledged it. */
    private static Throwable await(CompletableFuture<?> send, long deadlineNanos) {
        try {
            send.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (TimeoutException e) {
            return e;
        }
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

    /** What a relay run did: events published, and whether a send failed (the rest waits for a later run). */
    record Result(int published, boolean failed) {
    }
}
