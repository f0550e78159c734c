package com.apexshare.notification.email;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.apexshare.notification.NotificationProperties;

/**
 * Sends due emails from the {@code email} table, never from inside a Kafka listener: one thread leases due rows
 * (as many as this replica may have in flight) and hands each to a pool of sender threads. A failing or slow
 * recipient holds one sender for one attempt at most; its retry waits in the table ({@code next_attempt_at}), so other
 * students' emails go on.
 */
@Component
class EmailDispatcher implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(EmailDispatcher.class);

    private final EmailQueue queue;
    private final EmailSender sender;
    private final NotificationProperties.Dispatcher settings;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private ExecutorService senders;

    EmailDispatcher(EmailQueue queue, EmailSender sender, NotificationProperties properties) {
        this.queue = queue;
        this.sender = sender;
        this.settings = properties.dispatcher();
        // No more taken at once than can be sent within a few seconds at the configured rate, so that leased emails
        // never wait for their send slot anywhere near as long as the lease lasts.
        this.maxInFlight = (int) Math.max(1, Math.min(settings.maxInFlight(), Math.ceil(properties.maxSendRate() * 5)));
    }

    @Override
    public synchronized void start() {
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(settings.senderThreads(), r -> {
            Thread t = new Thread(r, "email-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        running = true;
        thread = new Thread(this::run, "email-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        wake.release();
        if (thread != null) {
            try {
                thread.join(5_000);
                senders.shutdown();
                // Emails already claimed finish their provider call and get recorded; queued ones keep their lease.
                if (!senders.awaitTermination(30, TimeUnit.SECONDS)) {
                    senders.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                senders.shutdownNow();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the database and Kafka beans, stops before them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onEmailQueued(EmailQueued event) {
        wake.release();
    }

    private void run() {
        while (running) {
            try {
                dispatchOnce();
                wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Dispatching emails failed; retrying: {}", e.toString());
                try {
                    wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Leases what this replica may take now and hands it to the senders; returns how many. */
    int dispatchOnce() {
        int free = maxInFlight - inFlight.get();
        if (free <= 0 || !running) {
            return 0;
        }
        List<EmailLease> leases = queue.lease(free, settings.lease());
        for (EmailLease lease : leases) {
            inFlight.incrementAndGet();
            senders.execute(() -> {
                try {
                    sender.send(lease);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    LOG.warn("Sending the {} email of upload {} failed unexpectedly; it is retried after its lease: {}",
                            lease.kind(), lease.fileId(), e.toString());
                } finally {
                    inFlight.decrementAndGet();
                    wake.release();
                }
            });
        }
        return leases.size();
    }
}
