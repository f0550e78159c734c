package com.apexshare.catalog.upload;

import java.util.List;

/**
 * The write side of the catalog. Applying the same events again, or in another order, or split into other batches,
 * leaves the same state: this is what makes redelivery harmless and a replay from the start of the topics equal to
 * the state built incrementally.
 */
public interface UploadLedger {

    /**
     * Applies the events in one transaction (joining the caller's, if there is one). The facts an
     * {@code UploadInitiated} sets are immutable: the first initiation of an upload wins, whatever the times say; an
     * exact repetition changes nothing, and an initiation that contradicts the facts already recorded changes nothing
     * either and is returned, so that the caller can refuse it.
     *
     * @return the initiations refused because their upload's facts were set otherwise (in the order given); empty
     *         when every event was applied or was a repetition
     */
    List<UploadEvent.Initiated> apply(List<? extends UploadEvent> events);
}
