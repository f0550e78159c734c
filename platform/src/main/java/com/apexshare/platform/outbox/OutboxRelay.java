package com.apexshare.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Limit;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

import com.apexshare.platform.PlatformProperties;
import com.apexshare.platform.observability.UploadTraces;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes the outbox on every replica. A run claims a batch in a short transaction (rows locked with {@code SKIP
 * LOCKED} while they are marked, so replicas never claim the same row), sends the rows' bytes with no transaction
 * open, waits for Kafka's acknowledgements, then deletes the acknowledged rows and gives the others back. No database
 * connection or row lock is held while Kafka is waited for. After a failed run (Kafka or the database away) the next
 * runs pause for a growing time, up to {@code max-backoff}, so an outage costs a warning per pause, not a storm.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRecords records;
    private final TransactionTemplate transactions;
    private final KafkaOperations<Object, Object> kafka;
    private final Clock clock;
    private final PlatformProperties.Outbox settings;
    private final Counter published;
    private final Counter failed;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    private final UploadTraces traces;

    OutboxRelay(OutboxRecords records, TransactionTemplate transactions, KafkaOperations<Object, Object> kafka,
            Clock clock, PlatformProperties.Outbox settings, MeterRegistry metrics) {
        this(records, transactions, kafka, clock, settings, metrics, UploadTraces.none());
    }

    /** A relay that sends each event inside its upload's trace, remembered when it was appended. */
    OutboxRelay(OutboxRecords records, TransactionTemplate transactions, KafkaOperations<Object, Object> kafka,
            Clock clock, PlatformProperties.Outbox settings, MeterRegistry metrics, UploadTraces traces) {
        this.traces = traces;
        this.records = records;
        this.transactions = transactions;
        this.kafka = kafka;
        this.clock = clock;
        this.settings = settings;
        this.published = Counter.builder("apexshare.outbox.published")
                .description("Outbox events acknowledged by Kafka and removed from the outbox").register(metrics);
        this.failed = Counter.builder("apexshare.outbox.failed")
                .description("Outbox sends Kafka did not acknowledge (retried later)").register(metrics);
        Gauge.builder("apexshare.outbox.pending", records, r -> r.count())
                .description("Events waiting in the outbox").register(metrics);
        Gauge.builder("apexshare.outbox.oldest.age", this, OutboxRelay::oldestAgeSeconds).baseUnit("seconds")
                .description("Age of the oldest event waiting in the outbox (0 when empty)").register(metrics);
    }

    /** What one run did: events published, and whether a send or the database failed. */
    record Result(int published, boolean failed) {
    }

    /** Relays batches until the outbox has nothing claimable or a batch fails. */
    public Result relayPending() {
        int total = 0;
        while (true) {
            List<Claimed> batch = transactions.execute(status -> claim());
            if (batch == null || batch.isEmpty()) {
                return new Result(total, false);
            }
            List<Long> sent = new ArrayList<>(batch.size());
            List<Long> unsent = new ArrayList<>();
            Throwable failure = send(batch, sent, unsent);
            transactions.executeWithoutResult(status -> settle(sent, unsent));
            total += sent.size();
            published.increment(sent.size());
            if (!unsent.isEmpty()) {
                failed.increment(unsent.size());
                LOG.warn("Kafka did not acknowledge {} of {} outbox events; they stay for the next run: {}",
                        unsent.size(), batch.size(), failure.toString());
                return new Result(total, true);
            }
            if (batch.size() < settings.batchSize()) {
                return new Result(total, false);
            }
        }
    }

    private List<Claimed> claim() {
        Instant now = clock.instant();
        List<OutboxRecord> rows = records.findClaimable(now, Limit.of(settings.batchSize()));
        Instant until = now.plus(settings.lease());
        List<Claimed> claimed = new ArrayList<>(rows.size());
        for (OutboxRecord row : rows) {
            row.claim(until);
            claimed.add(new Claimed(row.id(), row.topic(), row.eventKey(), row.payload()));
        }
        return claimed;
    }

    /** Sends the batch in order; fills {@code sent} and {@code unsent}; returns the first failure, or null. */
    private Throwable send(List<Claimed> batch, List<Long> sent, List<Long> unsent) {
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        Throwable failure = await(send(batch.get(0)), deadline);
        if (failure != null) {
            // Kafka is not taking events: give the whole batch back rather than wait for each row to time out.
            batch.forEach(row -> unsent.add(row.id()));
            return failure;
        }
        sent.add(batch.get(0).id());
        List<CompletableFuture<?>> sends = new ArrayList<>(batch.size() - 1);
        for (Claimed row : batch.subList(1, batch.size())) {
            sends.add(send(row));
        }
        for (int i = 0; i < sends.size(); i++) {
            Throwable error = await(sends.get(i), deadline);
            if (error == null) {
                sent.add(batch.get(i + 1).id());
            } else {
                failure = failure == null ? error : failure;
                unsent.add(batch.get(i + 1).id());
            }
        }
        return failure;
    }

    private CompletableFuture<?> send(Claimed row) {
        try {
            return traces.publishing(row.key(),
                    () -> kafka.send(new ProducerRecord<>(row.topic(), row.key(), row.payload())));
        } catch (RuntimeException e) {
            // send() itself throws when it cannot get the topic's metadata within max.block.ms.
            return CompletableFuture.failedFuture(e);
        }
    }

    private void settle(List<Long> sent, List<Long> unsent) {
        if (!sent.isEmpty()) {
            records.deleteAllByIdInBatch(sent);
        }
        if (!unsent.isEmpty()) {
            records.findAllById(unsent).forEach(OutboxRecord::release);
        }
    }

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

    private double oldestAgeSeconds() {
        try {
            return records.oldestCreatedAt()
                    .map(oldest -> Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0))
                    .orElse(0.0);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Asks this replica's relay to run now (an outbox write just committed). */
    void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void loop() {
        Duration backoff = Duration.ZERO;
        while (running) {
            boolean failedRun;
            try {
                failedRun = relayPending().failed();
            } catch (RuntimeException e) {
                LOG.warn("Outbox relay run failed (the database may be unreachable); retrying: {}", e.toString());
                failedRun = true;
            }
            backoff = failedRun ? next(backoff) : Duration.ZERO;
            Duration pause = failedRun ? backoff : settings.pollInterval();
            try {
                if (failedRun) {
                    // Only time ends a pause after a failure: a write must not turn an outage into a busy loop.
                    Thread.sleep(pause.toMillis());
                } else if (wakeUps.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                    // Let the commits of the next few milliseconds join this run: one claim and one settle per
                    // batch instead of per event, at a cost of a few milliseconds of latency.
                    Thread.sleep(settings.coalesce().toMillis());
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Duration next(Duration backoff) {
        Duration doubled = backoff.isZero() ? Duration.ofSeconds(1) : backoff.multipliedBy(2);
        return doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(settings.sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Claimed(Long id, String topic, String key, byte[] payload) {
    }
}
