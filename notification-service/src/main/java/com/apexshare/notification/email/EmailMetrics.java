package com.apexshare.notification.email;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code apexshare.emails.sent|failed|retried} (counters, tags {@code transport}, {@code kind}; failed also
 * {@code reason}), {@code apexshare.email.send} (timer of provider calls, tags {@code transport}, {@code outcome}), and
 * the gauges {@code apexshare.emails.pending} and {@code apexshare.emails.stuck} (SENDING for longer than
 * {@code stuck-after}: an operator must look, see the README).
 */
@Component
class EmailMetrics {

    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong stuck = new AtomicLong();

    EmailMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("apexshare.emails.pending", pending, AtomicLong::get)
                .description("Emails waiting to be sent, including those waiting for a retry").register(registry);
        Gauge.builder("apexshare.emails.stuck", stuck, AtomicLong::get)
                .description("Emails whose provider call started long ago and whose outcome was never recorded")
                .register(registry);
    }

    void sent(String transport, EmailKind kind) {
        counter("apexshare.emails.sent", transport, kind).increment();
    }

    void retried(String transport, EmailKind kind) {
        counter("apexshare.emails.retried", transport, kind).increment();
    }

    void failed(String transport, EmailKind kind, FailureReason reason) {
        Counter.builder("apexshare.emails.failed").tag("transport", transport).tag("kind", kind.name())
                .tag("reason", reason.name()).register(registry).increment();
    }

    Timer.Sample startSend() {
        return Timer.start(registry);
    }

    void stopSend(Timer.Sample sample, String transport, String outcome) {
        sample.stop(Timer.builder("apexshare.email.send").description("Provider calls to send one email")
                .tag("transport", transport).tag("outcome", outcome).publishPercentileHistogram().register(registry));
    }

    /** A delivery report that moved an email's state ({@code outcome=applied}) or did not. */
    void deliveryReport(DeliverySource source, String outcome, DeliveryState state) {
        Counter.builder("apexshare.email.delivery.reports").tag("source", source.name()).tag("outcome", outcome)
                .tag("state", state == null ? "NONE" : state.name())
                .description("Delivery reports received (SES events, bounce mailbox) and what they did")
                .register(registry).increment();
    }

    void suppressed(EmailKind kind) {
        Counter.builder("apexshare.emails.suppressed").tag("kind", kind.name())
                .description("Emails not sent because the address is on the suppression list").register(registry)
                .increment();
    }

    void pending(long count) {
        pending.set(count);
    }

    void stuck(long count) {
        stuck.set(count);
    }

    private Counter counter(String name, String transport, EmailKind kind) {
        return Counter.builder(name).tag("transport", transport).tag("kind", kind.name()).register(registry);
    }
}
