package com.apexshare.notification.email;

import java.time.Clock;
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
 * <p>The one unavoidable window: the provider accepted the email and this replica died (or lost its database) before
 * recording {@code SENT}. The row then stays {@code SENDING}; it is never picked up again, so the service errs towards
 * at most once: a student may miss an email (reported by the {@code apexshare.emails.stuck} gauge and a warning, and
 * re-queued by an operator) but never gets two different links. A provider timeout is treated as transient (the
 * provider may have accepted it), which is the only other way a duplicate could leave.
 */
@Component
class EmailSender {

    private static final Logger LOG = LoggerFactory.getLogger(EmailSender.class);
    private static final int RECORD_ATTEMPTS = 3;

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

    private void recordSent(ClaimedEmail email, Delivery delivery) {
        for (int attempt = 1; attempt <= RECORD_ATTEMPTS; attempt++) {
            try {
                queue.markSent(email, delivery);
                LOG.info("Sent the {} email of upload {} through {} (attempt {}, message {})", email.kind(),
                        email.fileId(), transport.name(), email.attempt(), delivery.providerMessageId());
                return;
            } catch (DataAccessException | TransactionException e) {
                LOG.warn("Recording the sent {} email of upload {} failed (try {} of {}): {}", email.kind(),
                        email.fileId(), attempt, RECORD_ATTEMPTS, e.toString());
            }
        }
        LOG.error("The {} email of upload {} was accepted by {} (message {}) but could not be recorded: it stays "
                + "SENDING and will not be sent again", email.kind(), email.fileId(), transport.name(),
                delivery.providerMessageId());
    }

    private void retryLater(ClaimedEmail email, String error) {
        if (retry.exhausted(email.attempt())) {
            failed(email, FailureReason.RETRIES_EXHAUSTED, "gave up after " + email.attempt() + " attempts: " + error);
            return;
        }
        Instant next = clock.instant().plus(retry.backoffAfter(email.attempt(), ThreadLocalRandom.current().nextDouble()));
        queue.markRetry(email, next, error);
        metrics.retried(transport.name(), email.kind());
        LOG.info("The {} email of upload {} failed transiently (attempt {}): {}; next attempt at {}", email.kind(),
                email.fileId(), email.attempt(), error, next);
    }

    private void failed(ClaimedEmail email, FailureReason reason, String error) {
        queue.markFailed(email, reason, error);
        metrics.failed(transport.name(), email.kind(), reason);
        LOG.warn("The {} email of upload {} failed permanently ({}): {}", email.kind(), email.fileId(), reason, error);
    }
}
