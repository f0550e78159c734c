package com.apexshare.upload.upload;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Upload counters: {@code apexshare.uploads.started}, {@code .completed} (by source), {@code .bytes.declared},
 * {@code .actions} (by action), {@code .resends.refused}.
 */
@Component
class UploadMetrics {

    private final MeterRegistry meters;
    private final DistributionSummary bytesDeclared;

    UploadMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.bytesDeclared = DistributionSummary.builder("apexshare.uploads.bytes.declared")
                .description("Declared size of started uploads")
                .baseUnit("bytes")
                .register(meters);
    }

    void started(UploadMode mode, long declaredBytes) {
        Counter.builder("apexshare.uploads.started").description("Uploads started")
                .tag("mode", mode.name()).register(meters).increment();
        bytesDeclared.record(declaredBytes);
    }

    void completed(CompletionSource source) {
        Counter.builder("apexshare.uploads.completed").description("Completion signals published")
                .tag("source", source.name()).register(meters).increment();
    }

    /** A trainer action carried out ({@code action}: resend, address, expiry, revoke, delete, reminders). */
    void action(String action) {
        Counter.builder("apexshare.uploads.actions").description("Trainer actions carried out on completed uploads")
                .tag("action", action).register(meters).increment();
    }

    /** A resend refused by the per-upload limit. */
    void resendRefused() {
        Counter.builder("apexshare.uploads.resends.refused").description("Resends refused by the per-upload limit")
                .register(meters).increment();
    }

    void aborted(String reason) {
        Counter.builder("apexshare.uploads.aborted").description("Uploads aborted")
                .tag("reason", reason).register(meters).increment();
    }
}
