package com.apexshare.catalog.upload;

import java.util.List;

/**
 * The write side of the catalog. Applying the same events again, or in another order, or split into other batches,
 * leaves the same state: this is what makes redelivery harmless and a replay from the start of the topics equal to
 * the state built incrementally.
 */
public interface UploadLedger {

    /** Applies the events in one transaction (joining the caller's, if there is one). */
    void apply(List<? extends UploadEvent> events);
}
