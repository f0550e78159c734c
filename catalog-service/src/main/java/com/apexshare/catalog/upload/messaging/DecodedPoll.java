package com.apexshare.catalog.upload.messaging;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.springframework.kafka.listener.BatchListenerFailedException;

import com.apexshare.catalog.upload.UploadEvent;

/**
 * A poll decoded up to its first record that can never be applied, if it has one: malformed, or refused because it
 * names an object that is not the upload's own ({@link ForeignObjectLocation}).
 *
 * @param events the facts of the records before that record (all of them when there is none), one per record
 * @param poison names that record by its index in the poll; null when every record decoded
 */
record DecodedPoll(List<UploadEvent> events, BatchListenerFailedException poison) {

    DecodedPoll {
        events = List.copyOf(events);
    }

    /**
     * Applies the decoded events, then names the first record that is dead-lettered: the first initiation the ledger
     * refused as contradicting the recorded facts ({@link ConflictingUploadFacts}), else the poison record. The error
     * policy commits the records before the named one, so they must be applied first; it dead-letters the named one
     * and delivers the rest again, which the ledger absorbs (repetitions change nothing; a second refused record is
     * named on that delivery).
     *
     * <p>When the events before a poison record cannot be applied yet (the database is away), the failure is named
     * by the poll's first record, so that the error policy retries from there (seek and poll again, for as long as it
     * takes) instead of retrying the poll as a whole: a whole-poll retry that later meets the poison record treats
     * the changed failure as a reason to dead-letter the entire poll, valid records included.
     *
     * @param ledger     applies the events, returns those it refused
     * @param onRejected told of each refused record as it is handed over for the dead-letter topic, with its type
     */
    void applyTo(Function<List<UploadEvent>, List<? extends UploadEvent>> ledger,
            BiConsumer<String, RejectedUploadFacts> onRejected) {
        List<? extends UploadEvent> refused = List.of();
        if (!events.isEmpty()) {
            if (poison == null) {
                refused = ledger.apply(events);
            } else {
                try {
                    refused = ledger.apply(events);
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException(
                            "The records before one that can never be applied cannot be applied yet", e, 0);
                }
            }
        }
        if (!refused.isEmpty()) {
            Set<UploadEvent> contradicting = new HashSet<>(refused);
            for (int i = 0; i < events.size(); i++) {
                if (contradicting.contains(events.get(i))) {
                    ConflictingUploadFacts conflict = new ConflictingUploadFacts(events.get(i).fileId());
                    onRejected.accept(typeOf(events.get(i)), conflict);
                    throw new BatchListenerFailedException(conflict.getMessage(), conflict, i);
                }
            }
        }
        if (poison != null) {
            if (poison.getCause() instanceof RejectedUploadFacts rejection) {
                onRejected.accept("UploadInitiated", rejection);
            }
            throw poison;
        }
    }

    private static String typeOf(UploadEvent event) {
        return event instanceof UploadEvent.Initiated ? "UploadInitiated" : event.getClass().getSimpleName();
    }
}
