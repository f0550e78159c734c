package com.apexshare.notification.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.stereotype.Component;

import com.apexshare.notification.NotificationProperties;

import io.micrometer.core.instrument.Timer;

/**
 * Sends one leased email: waits for a send slot, claims the row ({@code PENDING -> SENDING}), builds the message,
 * hands it to the provider, records the outcome.
 *
 * <p>Once the provider answered, recording the outcome ({@code SENT} and with it the {@code EmailSent} that makes the
 * e-mailed link work, or the retry or failure) is retried with backoff for as long as this replica lives: a database that is away for a while
 * (a failover, a restart, connections refused) delays the record, it does not lose it. The fault suite's PostgreSQL
 * outage found the earlier three immediate tries: the student had an email whose link never worked.
 *
 * <p>The one unavoidable window: the provider accepted the email and this replica died (or was stopped) before
 * recording {@code SENT}. The row then stays {@code SENDING}; it is never picked up again, so the service errs towards
 * at most once: a student may miss an email (reported by the {@code apexshare.emails.stuck} gauge and a warning, and
 * re-queued by an operator) but never gets two different links. A provider timeout is treated as transient (the
 * provider may have accepted it), which is the only other way a duplicate could leave.
 */
@Component
class EmailSender {

    private static final Logger LOG = LoggerFactory.getLogger(EmailSender.class);
    /** Backoff between tries to record a provider call's outcome: short at first, a database failover takes seconds. */
    private static final Duration RECORD_FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration RECORD_MAX_BACKOFF = Duration.ofSeconds(5);

    private final EmailQueue queue;
    private final SendPacer pacer;
    private final EmailWriter writer;
    private final MailTransport transport;
    private final EmailMetrics metrics;
    private final RetryPolicy retry;
    private final Clock clock;

    EmailSender(EmailQueue queue, SendPacer pacer, EmailWriter writer, MailTransport transport,
            EmailMetrics metrics, NotificationProperties properties, Clock clock) {
        this.queue = queue;
        this.pacer = pacer;
        this.writer = writer;
        this.transport = transport;
        this.metrics = metrics;
        this.retry = RetryPolicy.of(properties.retry());
        this.clock = clock;
    }

    void send(EmailLease lease) throws InterruptedException {
        pacer.awaitSlot();
        Optional<ClaimedEmail> claimed = queue.claim(lease);
        if (claimed.isEmpty()) {
            LOG.debug("Email {} of upload {} is no longer ours to send", lease.kind(), lease.fileId());
            return;
        }
        ClaimedEmail email = claimed.get();
        Letter letter;
        try {
            letter = writer.write(email);
        } catch (RuntimeException e) {
            LOG.error("Cannot write the {} email of upload {}", email.kind(), email.fileId(), e);
            retryLater(email, "cannot write the email: " + EmailDeliveryFailed.redact(e.toString()));
            return;
        }
        Timer.Sample sample = metrics.startSend();
        String providerMessageId;
        try {
            providerMessageId = transport.send(letter);
        } catch (EmailDeliveryFailed failure) {
            metrics.stopSend(sample, transport.name(), failure.permanent() ? "permanent" : "transient");
            if (failure.permanent()) {
                failed(email, failure.reason(), failure.getMessage());
            } else {
                retryLater(email, failure.getMessage());
            }
            return;
        }
        metrics.stopSend(sample, transport.name(), "accepted");
        metrics.sent(transport.name(), email.kind());
        recordSent(email, new Delivery(providerMessageId, clock.instant(), transport.name(),
                letter.linkTokenSha256(), letter.linkExpiresAt(),
                letter.linkTokenSha256() == null ? null : email.linkGeneration()));
    }

    private void recordSent(ClaimedEmail email, Delivery delivery) throws InterruptedException {
        persisting(email, "the sent", () -> queue.markSent(email, delivery), () -> LOG.error("The {} email of upload "
                + "{} was accepted by {} (message {}) but could not be recorded before shutdown: it stays SENDING and "
                + "will not be sent again", email.kind(), email.fileId(), transport.name(),
                delivery.providerMessageId()));
        LOG.info("Sent the {} email of upload {} through {} (attempt {}, message {})", email.kind(), email.fileId(),
                transport.name(), email.attempt(), delivery.providerMessageId());
    }

    private void retryLater(ClaimedEmail email, String error) throws InterruptedException {
        if (retry.exhausted(email.attempt())) {
            failed(email, FailureReason.RETRIES_EXHAUSTED, "gave up after " + email.attempt() + " attempts: " + error);
            return;
        }
        Instant next = clock.instant().plus(retry.backoffAfter(email.attempt(), ThreadLocalRandom.current().nextDouble()));
        // A row left SENDING is never sent again: this email was not sent, so its retry must be recorded.
        persisting(email, "the retry of the", () -> queue.markRetry(email, next, error), () -> LOG.error("The retry "
                + "of the {} email of upload {} could not be recorded before shutdown: it stays SENDING",
                email.kind(), email.fileId()));
        metrics.retried(transport.name(), email.kind());
        LOG.info("The {} email of upload {} failed transiently (attempt {}): {}; next attempt at {}", email.kind(),
                email.fileId(), email.attempt(), error, next);
    }

    private void failed(ClaimedEmail email, FailureReason reason, String error) throws InterruptedException {
        persisting(email, "the failure of the", () -> queue.markFailed(email, reason, error), () -> LOG.error("The "
                + "failure of the {} email of upload {} could not be recorded before shutdown: it stays SENDING",
                email.kind(), email.fileId()));
        metrics.failed(transport.name(), email.kind(), reason);
        LOG.warn("The {} email of upload {} failed permanently ({}): {}", email.kind(), email.fileId(), reason, error);
    }

    /**
     * Runs the write until it commits, with backoff while the database is away: the outcome of a provider call is
     * only in this thread's memory until then. Interrupted (shutdown), it says so and gives up.
     */
    private void persisting(ClaimedEmail email, String what, Runnable write, Runnable onShutdown)
            throws InterruptedException {
        Duration backoff = RECORD_FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                return;
            } catch (DataAccessException | TransactionException e) {
                LOG.warn("Recording {} {} email of upload {} failed (try {}, next in {} ms): {}", what, email.kind(),
                        email.fileId(), attempt, backoff.toMillis(), e.toString());
            }
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                onShutdown.run();
                throw e;
            }
            backoff = backoff.multipliedBy(2).compareTo(RECORD_MAX_BACKOFF) > 0 ? RECORD_MAX_BACKOFF
                    : backoff.multipliedBy(2);
        }
    }
}
