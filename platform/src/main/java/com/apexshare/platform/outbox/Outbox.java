package com.apexshare.platform.outbox;

import java.util.UUID;

import com.apexshare.events.Topic;

/** Appends events to the service's outbox, inside the caller's transaction (one is required). */
public interface Outbox {

    /**
     * Records the event for publication once the surrounding transaction commits; it is gone if that transaction rolls
     * back. Keyed by the upload's file id, like every event.
     *
     * @throws org.springframework.transaction.IllegalTransactionStateException when no transaction is active
     */
    <V> void append(Topic<V> topic, UUID fileId, V event);
}
