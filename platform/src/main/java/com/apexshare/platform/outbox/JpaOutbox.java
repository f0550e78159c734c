package com.apexshare.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.apexshare.events.Topic;
import com.apexshare.events.serde.AvroEventSerializer;
import com.apexshare.platform.observability.UploadTraces;

/**
 * Writes the event's wire bytes into the outbox with the caller's transaction, and wakes this replica's relay when
 * that transaction commits, so an event normally leaves within milliseconds instead of waiting for the next poll.
 */
class JpaOutbox implements Outbox {

    private final OutboxRecords records;
    private final Clock clock;
    private final OutboxRelay relay;
    private final UploadTraces traces;
    private final AvroEventSerializer avro = new AvroEventSerializer();

    JpaOutbox(OutboxRecords records, Clock clock, OutboxRelay relay) {
        this(records, clock, relay, UploadTraces.none());
    }

    JpaOutbox(OutboxRecords records, Clock clock, OutboxRelay relay, UploadTraces traces) {
        this.records = records;
        this.clock = clock;
        this.relay = relay;
        this.traces = traces;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public <V> void append(Topic<V> topic, UUID fileId, V event) {
        records.save(new OutboxRecord(topic.name(), fileId.toString(), encode(topic, event), clock.instant()));
        // The relay sends the row inside the upload's trace: the current one if the upload has none yet.
        traces.appended(fileId.toString());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wake();
                }
            });
        }
    }

    private <V> byte[] encode(Topic<V> topic, V event) {
        return switch (topic.format()) {
            case AVRO -> avro.serialize(topic.name(), (SpecificRecord) event);
            case JSON -> ((String) event).getBytes(StandardCharsets.UTF_8);
        };
    }
}
