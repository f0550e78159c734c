package com.apexshare.notification.email.messaging;

import static java.time.ZoneOffset.UTC;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.apexshare.events.EmailFailed;
import com.apexshare.events.EmailFailureReason;
import com.apexshare.events.EmailSent;
import com.apexshare.events.EmailTransport;
import com.apexshare.events.Topic;
import com.apexshare.events.Topics;
import com.apexshare.events.serde.AvroEventSerializer;
import com.apexshare.notification.email.EmailEvents;
import com.apexshare.notification.email.FailureReason;

/**
 * Writes the events into the {@code outbox} table, inside the caller's transaction: the email's state and its event
 * commit together, and {@link OutboxRelay} publishes them. Stored as Avro single-object bytes; the relay decodes them
 * and sends them through the configured serializer.
 */
@Component
class OutboxEmailEvents implements EmailEvents {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AvroEventSerializer serializer = new AvroEventSerializer();

    OutboxEmailEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void emailSent(UUID fileId, String providerMessageId, Instant sentAt, String linkTokenSha256,
            Instant linkExpiresAt, String transport) {
        EmailSent event = EmailSent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(clock.instant())
                .setFileId(fileId.toString())
                .setProviderMessageId(providerMessageId)
                .setSentAt(sentAt)
                .setLinkTokenSha256(linkTokenSha256)
                .setLinkExpiresAt(linkExpiresAt)
                .setTransport(transport(transport))
                .build();
        append(Topics.EMAIL_SENT, fileId, event);
    }

    @Override
    public void emailFailed(UUID fileId, FailureReason reason, String detail, Instant failedAt) {
        EmailFailed event = EmailFailed.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(failedAt)
                .setFileId(fileId.toString())
                .setReason(EmailFailureReason.valueOf(reason.name()))
                .setDetail(detail)
                .build();
        append(Topics.EMAIL_FAILED, fileId, event);
    }

    private void append(Topic<?> topic, UUID fileId, SpecificRecord event) {
        jdbc.sql("INSERT INTO outbox (topic, event_key, payload, created_at) VALUES (:topic, :key, :payload, :now)")
                .param("topic", topic.name())
                .param("key", fileId.toString())
                .param("payload", serializer.serialize(topic.name(), event))
                .param("now", clock.instant().atOffset(UTC))
                .update();
    }

    private static EmailTransport transport(String name) {
        try {
            return EmailTransport.valueOf(name);
        } catch (IllegalArgumentException e) {
            return EmailTransport.OTHER;
        }
    }
}
