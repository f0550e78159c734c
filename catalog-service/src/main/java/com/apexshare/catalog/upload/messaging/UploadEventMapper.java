package com.apexshare.catalog.upload.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

import com.apexshare.events.storage.ObjectLocations;
import com.apexshare.catalog.upload.UploadEvent;
import com.apexshare.events.Downloaded;
import com.apexshare.events.EmailDeliveryReported;
import com.apexshare.events.EmailFailed;
import com.apexshare.events.EmailPurpose;
import com.apexshare.events.EmailSent;
import com.apexshare.events.LinkRevoked;
import com.apexshare.events.ReminderSettingChanged;
import com.apexshare.events.StudentAddressChanged;
import com.apexshare.events.StudentEmailResent;
import com.apexshare.events.UploadCompleted;
import com.apexshare.events.UploadDeleted;
import com.apexshare.events.UploadExpiryChanged;
import com.apexshare.events.UploadInitiated;

/**
 * Maps the Avro events to the catalog's facts; the Avro classes stop here. Everything the contract allows but the
 * catalog's database could never store is refused here as {@link MalformedUploadEvent}, so that the only failures
 * left for the ledger are the ones that pass (the database away, a lock timeout) and are retried.
 */
final class UploadEventMapper {

    private static final LogAccessor LOG = new LogAccessor(UploadEventMapper.class);
    /** What PostgreSQL's timestamptz and date keep with room to spare; anything outside is a producer's bug. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private UploadEventMapper() {
    }

    /**
     * Decodes a poll of one topic up to its first malformed record.
     *
     * @param type    the event type of the topic; a record of another type is malformed
     * @param mapping the event's mapping to a fact
     */
    static <V> DecodedPoll decode(List<ConsumerRecord<String, V>> records, Class<? extends V> type,
            Function<? super V, ? extends UploadEvent> mapping) {
        List<UploadEvent> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, V> record = records.get(i);
            try {
                events.add(mapping.apply(value(record, type)));
            } catch (MalformedUploadEvent e) {
                return new DecodedPoll(events, new BatchListenerFailedException(
                        "Record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                                + " breaks the event contract: " + e.getMessage(), e, i));
            } catch (RejectedUploadFacts e) {
                return new DecodedPoll(events, new BatchListenerFailedException(
                        "Record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                                + " is refused: " + e.getMessage(), e, i));
            }
        }
        return new DecodedPoll(events, null);
    }

    static UploadEvent.Initiated initiated(UploadInitiated e) {
        return new UploadEvent.Initiated(uuid("fileId", e.getFileId()), instant("occurredAt", e.getOccurredAt()),
                text("trainerId", e.getTrainerId()), text("trainerName", e.getTrainerName()),
                text("studentEmail", e.getStudentEmail()), text("studentName", e.getStudentName()),
                date("sessionDate", e.getSessionDate()), text("notes", e.getNotes()),
                text("fileName", e.getFileName()), text("originalFileName", e.getOriginalFileName()),
                e.getFileSize(), text("contentType", e.getContentType()), text("bucket", e.getBucket()),
                text("objectKey", e.getObjectKey()), e.getUploadMode().name(),
                instant("retentionUntil", e.getRetentionUntil()));
    }

    /**
     * The initiation, if it names the upload's own object: the configured bucket and the key
     * {@code videos/<date>/<fileId>-…}; otherwise refused as {@link ForeignObjectLocation}.
     */
    static UploadEvent.Initiated initiatedAt(UploadInitiated e, ObjectLocations locations) {
        UploadEvent.Initiated initiated = initiated(e);
        Optional<ObjectLocations.Violation> violation = locations.check(initiated.fileId(), initiated.bucket(),
                initiated.objectKey());
        if (violation.isPresent()) {
            throw new ForeignObjectLocation(initiated.fileId(), violation.get());
        }
        return initiated;
    }

    static UploadEvent.Completed completed(UploadCompleted e) {
        return new UploadEvent.Completed(uuid("fileId", e.getFileId()), instant("occurredAt", e.getOccurredAt()),
                e.getSize(), text("eTag", e.getETag()));
    }

    static UploadEvent.Deleted deleted(UploadDeleted e) {
        String reason = e.getReason().name();
        return new UploadEvent.Deleted(uuid("fileId", e.getFileId()), instant("occurredAt", e.getOccurredAt()),
                reason, UploadEvent.Deleted.RETENTION_EXPIRED.equals(reason));
    }

    static UploadEvent.EmailSent emailSent(EmailSent e) {
        return new UploadEvent.EmailSent(uuid("fileId", e.getFileId()), instant("sentAt", e.getSentAt()),
                e.getPurpose() == EmailPurpose.REMINDER);
    }

    static UploadEvent.Resent resent(StudentEmailResent e) {
        return new UploadEvent.Resent(uuid("fileId", e.getFileId()), instant("occurredAt", e.getOccurredAt()));
    }

    static UploadEvent.AddressChanged addressChanged(StudentAddressChanged e) {
        if (e.getLinkGeneration() < 2) {
            throw new MalformedUploadEvent("linkGeneration of an address change must be at least 2");
        }
        return new UploadEvent.AddressChanged(uuid("fileId", e.getFileId()), instant("occurredAt", e.getOccurredAt()),
                text("studentEmail", e.getStudentEmail()), text("studentName", e.getStudentName()),
                e.getLinkGeneration());
    }

    static UploadEvent.ExpiryChanged expiryChanged(UploadExpiryChanged e) {
        if (e.getRevision() < 1) {
            throw new MalformedUploadEvent("revision of an expiry change must be positive");
        }
        return new UploadEvent.ExpiryChanged(uuid("fileId", e.getFileId()), instant("occurredAt", e.getOccurredAt()),
                instant("expiresAt", e.getExpiresAt()), e.getRevision());
    }

    static UploadEvent.LinksRevoked linksRevoked(LinkRevoked e) {
        return new UploadEvent.LinksRevoked(uuid("fileId", e.getFileId()), instant("occurredAt", e.getOccurredAt()));
    }

    static UploadEvent.RemindersChanged remindersChanged(ReminderSettingChanged e) {
        if (e.getRevision() < 1) {
            throw new MalformedUploadEvent("revision of a reminder setting change must be positive");
        }
        return new UploadEvent.RemindersChanged(uuid("fileId", e.getFileId()),
                instant("occurredAt", e.getOccurredAt()), e.getRemindersEnabled(), e.getRevision());
    }

    static UploadEvent.EmailFailed emailFailed(EmailFailed e) {
        return new UploadEvent.EmailFailed(uuid("fileId", e.getFileId()), instant("occurredAt", e.getOccurredAt()),
                e.getReason().name());
    }

    static UploadEvent.DeliveryReported deliveryReported(EmailDeliveryReported e) {
        if (e.getSequence() < 1) {
            throw new MalformedUploadEvent("sequence must be positive");
        }
        if (e.getReportedAt() == null) {
            throw new MalformedUploadEvent("reportedAt is missing");
        }
        return new UploadEvent.DeliveryReported(uuid("fileId", e.getFileId()), e.getState().name(), e.getSequence(),
                instant("reportedAt", e.getReportedAt()), e.getBounceType() == null ? null : e.getBounceType().name(),
                e.getSource() == null ? null : e.getSource().name());
    }

    static UploadEvent.Downloaded downloaded(Downloaded e) {
        return new UploadEvent.Downloaded(uuid("fileId", e.getFileId()), uuid("downloadId", e.getDownloadId()),
                instant("occurredAt", e.getOccurredAt()), text("userAgentFamily", e.getUserAgentFamily()),
                e.getChannel() == null ? null : e.getChannel().name());
    }

    /** The record's event; undecodable bytes (the deserializer left the value null) and other types are malformed. */
    private static <V> V value(ConsumerRecord<String, V> record, Class<? extends V> type) {
        Object value = record.value();
        if (value == null) {
            DeserializationException cause = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
            throw cause != null ? new MalformedUploadEvent("undecodable value: " + cause.getMessage(), cause)
                    : new MalformedUploadEvent("no value");
        }
        if (!type.isInstance(value)) {
            throw new MalformedUploadEvent("a " + value.getClass().getSimpleName() + " on the topic of "
                    + type.getSimpleName());
        }
        return type.cast(value);
    }

    private static UUID uuid(String field, String value) {
        if (value == null) {
            throw new MalformedUploadEvent(field + " is missing");
        }
        try {
            UUID id = UUID.fromString(value);
            // UUID.fromString also accepts short forms such as "1-2-3-4-5"; ids must be canonical to match keys.
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            throw new MalformedUploadEvent(field + " is not a UUID", e);
        }
        throw new MalformedUploadEvent(field + " is not a canonical UUID");
    }

    /** PostgreSQL refuses the NUL character in text. */
    private static String text(String field, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw new MalformedUploadEvent(field + " contains a NUL character");
        }
        return value;
    }

    private static Instant instant(String field, Instant value) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            throw new MalformedUploadEvent(field + " is outside the years 1 to 9999");
        }
        return value;
    }

    private static LocalDate date(String field, LocalDate value) {
        if (value != null && (value.isBefore(FIRST_DAY) || value.isAfter(LAST_DAY))) {
            throw new MalformedUploadEvent(field + " is outside the years 1 to 9999");
        }
        return value;
    }
}
