package com.apexshare.catalog.upload.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts and logs the events the catalog refuses to believe, as they are handed to the error policy for the
 * dead-letter topic: {@code apexshare.events.rejected{event, reason}}. The log line names the upload, the event type
 * and the rule; never a value from the event.
 */
@Component
class RejectedEvents {

    private static final Logger LOG = LoggerFactory.getLogger(RejectedEvents.class);

    private final MeterRegistry meters;

    RejectedEvents(MeterRegistry meters) {
        this.meters = meters;
    }

    void rejected(String event, RejectedUploadFacts rejection) {
        Counter.builder("apexshare.events.rejected")
                .description("Events refused because their facts contradict what the service knows; dead-lettered")
                .tag("event", event).tag("reason", rejection.reason()).register(meters).increment();
        LOG.warn("Rejected {} of upload {} ({}); it goes to the dead-letter topic", event, rejection.fileId(),
                rejection.reason());
    }
}
