package com.apexshare.upload.s3notification;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.apexshare.upload.upload.NotificationOutcome;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code apexshare.s3.notifications{outcome}}: what the bridge made of each ObjectCreated record. Every outcome is
 * registered at zero on start, so that an alert sees the first rejection as an increase (docs/operations.md,
 * "S3 notification bridge rejections").
 */
@Component
class S3NotificationMetrics {

    static final String METRIC = "apexshare.s3.notifications";

    /** Outcomes decided before the upload is looked at. */
    enum Screening {
        /** Another bucket or a key outside {@code videos/}: not ours. */
        IGNORED,
        /** A {@code videos/} key without a file id. */
        NO_FILE_ID,
        /** The object is gone by the time the notification is handled. */
        OBJECT_GONE
    }

    private final Map<Screening, Counter> screened = new EnumMap<>(Screening.class);
    private final Map<NotificationOutcome, Counter> handled = new EnumMap<>(NotificationOutcome.class);

    S3NotificationMetrics(MeterRegistry registry) {
        for (Screening outcome : Screening.values()) {
            screened.put(outcome, counter(registry, outcome.name()));
        }
        for (NotificationOutcome outcome : NotificationOutcome.values()) {
            handled.put(outcome, counter(registry, outcome.name()));
        }
    }

    void screened(Screening outcome) {
        screened.get(outcome).increment();
    }

    void handled(NotificationOutcome outcome) {
        handled.get(outcome).increment();
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder(METRIC).description("S3 ObjectCreated notification records, by what became of them")
                .tag("outcome", outcome).register(registry);
    }
}
