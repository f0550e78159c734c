package com.apexshare.upload.upload;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/** Upload counters: {@code apexshare.uploads.started}, {@code .completed} (by source), {@code .bytes.declared}. */
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

    void aborted(String reason) {
        Counter.builder("apexshare.uploads.aborted").description("Uploads aborted")
                .tag("reason", reason).register(meters).increment();
    }
}
