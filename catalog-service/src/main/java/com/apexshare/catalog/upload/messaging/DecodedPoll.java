package com.apexshare.catalog.upload.messaging;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.kafka.listener.BatchListenerFailedException;

import com.apexshare.catalog.upload.UploadEvent;

/**
 * A poll decoded up to its first malformed record, if it has one.
 *
 * @param events the facts of the records before the malformed one (all of them when there is none)
 * @param poison names the malformed record by its index in the poll; null when every record decoded
 */
record DecodedPoll(List<UploadEvent> events, BatchListenerFailedException poison) {

    DecodedPoll {
        events = List.copyOf(events);
    }

    /**
     * Applies the decoded events, then names the malformed record. The error policy commits the records before it, so
     * they must be applied first; it dead-letters the malformed one and delivers the rest again.
     */
    void applyTo(Consumer<List<UploadEvent>> ledger) {
        if (!events.isEmpty()) {
            ledger.accept(events);
        }
        if (poison != null) {
            throw poison;
        }
    }
}
