package com.apexshare.catalog.upload.messaging;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

import com.apexshare.catalog.upload.UploadEvent;
import com.apexshare.catalog.upload.UploadLedger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Thin batch listener: decode every record of a poll, apply the poll in one transaction, done. A record that cannot be
 * decoded, or that the database refuses, is singled out with {@link BatchListenerFailedException}: the records before
 * it are applied and committed, it goes to the dead-letter topic, and the ones after it are delivered again. A batch
 * that fails as a whole because the database is unreachable is retried (with backoff) until it applies.
 */
@Component
class UploadEventsListener {

    static final String LISTENER_ID = "catalog-events";

    private static final Logger LOG = LoggerFactory.getLogger(UploadEventsListener.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(UploadEventsListener.class);

    /** Event types, for the applied-events counter's {@code type} tag. */
    enum Type {
        UploadInitiated, UploadCompleted, UploadDeleted, EmailSent, EmailFailed, Downloaded;

        static Type of(UploadEvent event) {
            if (event instanceof UploadEvent.Initiated) {
                return UploadInitiated;
            } else if (event instanceof UploadEvent.Completed) {
                return UploadCompleted;
            } else if (event instanceof UploadEvent.Deleted) {
                return UploadDeleted;
            } else if (event instanceof UploadEvent.EmailSent) {
                return EmailSent;
            } else if (event instanceof UploadEvent.EmailFailed) {
                return EmailFailed;
            }
            return Downloaded;
        }
    }

    private final UploadLedger ledger;
    private final Map<Type, Counter> applied = new EnumMap<>(Type.class);
    private final MeterRegistry meters;

    UploadEventsListener(UploadLedger ledger, MeterRegistry meters) {
        this.ledger = ledger;
        this.meters = meters;
        for (Type type : Type.values()) {
            applied.put(type, Counter.builder("catalog.events.applied").tag("type", type.name())
                    .description("Events applied to the catalog (redeliveries included)").register(meters));
        }
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = "#{@catalogEventTopics}",
            containerFactory = CatalogMessagingConfiguration.BATCH_FACTORY,
            concurrency = "${apexshare.catalog.ingest.concurrency}")
    void onEvents(List<ConsumerRecord<String, SpecificRecord>> records) {
        List<UploadEvent> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, SpecificRecord> record = records.get(i);
            UploadEvent event;
            try {
                event = decode(record);
            } catch (RuntimeException e) {
                apply(events);
                throw reject(record, i, "cannot be decoded", e);
            }
            events.add(event);
        }
        apply(events);
    }

    private static UploadEvent decode(ConsumerRecord<String, SpecificRecord> record) {
        if (record.value() == null) {
            DeserializationException cause = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
            throw new UnprocessableEvent("Undecodable value", cause);
        }
        return AvroEventMapper.toUploadEvent(record.value());
    }

    /** Applies the events; when the batch fails for a reason other than the database being away, finds the culprit. */
    private void apply(List<UploadEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            ledger.apply(events);
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                throw e;
            }
            LOG.warn("A batch of {} events failed ({}); applying them one by one to find the bad one",
                    events.size(), e.toString());
            for (int i = 0; i < events.size(); i++) {
                try {
                    ledger.apply(List.of(events.get(i)));
                } catch (RuntimeException single) {
                    if (isTransient(single)) {
                        throw single;
                    }
                    count(events.subList(0, i));
                    throw new BatchListenerFailedException("Event for upload " + events.get(i).fileId()
                            + " cannot be applied", new UnprocessableEvent("Refused by the database", single), i);
                }
            }
        }
        count(events);
    }

    private BatchListenerFailedException reject(ConsumerRecord<?, ?> record, int index, String why,
            RuntimeException cause) {
        meters.counter("catalog.events.rejected", "topic", record.topic()).increment();
        LOG.warn("Record {}-{}@{} {}: {}; sending it to the dead-letter topic", record.topic(), record.partition(),
                record.offset(), why, cause.getMessage());
        UnprocessableEvent unprocessable = cause instanceof UnprocessableEvent u ? u
                : new UnprocessableEvent(cause.getMessage(), cause);
        return new BatchListenerFailedException("Record " + index + " of the batch " + why, unprocessable, index);
    }

    private void count(List<UploadEvent> events) {
        for (UploadEvent event : events) {
            applied.get(Type.of(event)).increment();
        }
    }

    private static boolean isTransient(Throwable e) {
        return e instanceof TransientDataAccessException || e instanceof RecoverableDataAccessException
                || e instanceof DataAccessResourceFailureException || e instanceof TransactionException;
    }
}
