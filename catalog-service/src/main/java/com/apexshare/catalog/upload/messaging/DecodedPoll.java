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
     *
     * <p>When the events before a malformed record cannot be applied yet (the database is away), the failure is named
     * by the poll's first record, so that the error policy retries from there (seek and poll again, for as long as it
     * takes) instead of retrying the poll as a whole: a whole-poll retry that later meets the malformed record treats
     * the changed failure as a reason to dead-letter the entire poll, valid records included.
     */
    void applyTo(Consumer<List<UploadEvent>> ledger) {
        if (poison == null) {
            if (!events.isEmpty()) {
                ledger.accept(events);
            }
            return;
        }
        if (!events.isEmpty()) {
            try {
                ledger.accept(events);
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("The records before a malformed one cannot be applied yet",
                        e, 0);
            }
        }
        throw poison;
    }
}
