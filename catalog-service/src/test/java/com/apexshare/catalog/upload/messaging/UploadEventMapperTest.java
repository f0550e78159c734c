package com.apexshare.catalog.upload.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;

import com.apexshare.catalog.TestEvents;
import com.apexshare.catalog.upload.UploadEvent;
import com.apexshare.events.CompletionSource;
import com.apexshare.events.DeletionReason;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadCompleted;
import com.apexshare.platform.kafka.UnprocessableEvent;

class UploadEventMapperTest {

    @Test
    void shouldMapAnInitiationWithAllItsFields() {
        // Given
        String fileId = UUID.randomUUID().toString();
        Instant at = TestEvents.now();

        // When
        UploadEvent.Initiated event = UploadEventMapper.initiated(TestEvents.initiated(fileId, "t-1", at).build());

        // Then
        assertThat(event.fileId()).isEqualTo(UUID.fromString(fileId));
        assertThat(event.trainerId()).isEqualTo("t-1");
        assertThat(event.initiatedAt()).isEqualTo(at);
        assertThat(event.uploadMode()).isEqualTo("MULTIPART");
        assertThat(event.retentionUntil()).isAfter(at);
    }

    @Test
    void shouldMarkOnlyRetentionDeletionsAsExpiry() {
        String fileId = UUID.randomUUID().toString();
        Instant at = TestEvents.now();

        assertThat(UploadEventMapper.deleted(TestEvents.deleted(fileId, at, DeletionReason.RETENTION_EXPIRED))
                .expired()).isTrue();
        assertThat(UploadEventMapper.deleted(TestEvents.deleted(fileId, at, DeletionReason.ABORTED)).expired())
                .isFalse();
    }

    @Test
    void shouldRefuseIdsThatAreNotCanonicalUuidsAsMalformed() {
        Instant at = TestEvents.now();

        assertThatThrownBy(() -> UploadEventMapper.completed(
                TestEvents.completed("not-a-uuid", at, 1L, CompletionSource.CLIENT)))
                .isInstanceOf(MalformedUploadEvent.class).isInstanceOf(UnprocessableEvent.class)
                .hasMessageContaining("fileId");
        assertThatThrownBy(() -> UploadEventMapper.completed(
                TestEvents.completed("1-2-3-4-5", at, 1L, CompletionSource.CLIENT)))
                .isInstanceOf(MalformedUploadEvent.class).hasMessageContaining("canonical");
        assertThatThrownBy(() -> UploadEventMapper.downloaded(
                TestEvents.downloaded(UUID.randomUUID().toString(), "x", at)))
                .isInstanceOf(MalformedUploadEvent.class).hasMessageContaining("downloadId");
    }

    @Test
    void shouldRefuseWhatTheDatabaseCouldNeverStoreAsMalformed() {
        String fileId = UUID.randomUUID().toString();
        Instant at = TestEvents.now();

        assertThatThrownBy(() -> UploadEventMapper.initiated(
                TestEvents.initiated(fileId, "t-1", at).setStudentName("Sue\0").build()))
                .isInstanceOf(MalformedUploadEvent.class).hasMessageContaining("studentName");
        assertThatThrownBy(() -> UploadEventMapper.initiated(TestEvents.initiated(fileId, "t-1", at)
                .setRetentionUntil(Instant.parse("+300000-01-01T00:00:00Z")).build()))
                .isInstanceOf(MalformedUploadEvent.class).hasMessageContaining("retentionUntil");
        assertThatThrownBy(() -> UploadEventMapper.initiated(TestEvents.initiated(fileId, "t-1", at)
                .setSessionDate(LocalDate.of(5_880_000, 1, 1)).build()))
                .isInstanceOf(MalformedUploadEvent.class).hasMessageContaining("sessionDate");
    }

    @Test
    void shouldDecodeAWholePollOfValidEvents() {
        // Given
        List<ConsumerRecord<String, UploadCompleted>> poll = List.of(record(0, completed()), record(1, completed()));

        // When
        DecodedPoll decoded = UploadEventMapper.decode(poll, UploadCompleted.class, UploadEventMapper::completed);

        // Then
        assertThat(decoded.poison()).isNull();
        assertThat(decoded.events()).hasSize(2).allMatch(e -> e instanceof UploadEvent.Completed);
    }

    @Test
    void shouldApplyTheEventsBeforeAnUndecodableRecordAndNameItByItsIndex() {
        // Given a poll whose third record the deserializer could not decode
        List<ConsumerRecord<String, UploadCompleted>> poll = new ArrayList<>(List.of(record(0, completed()),
                record(1, completed())));
        ConsumerRecord<String, UploadCompleted> undecodable = record(2, null);
        byte[] bytes = "not avro".getBytes(StandardCharsets.UTF_8);
        SerializationUtils.deserializationException(undecodable.headers(), bytes,
                new IllegalStateException("unknown schema"), false);
        poll.add(undecodable);
        poll.add(record(3, completed()));
        List<List<UploadEvent>> applied = new ArrayList<>();

        // When
        DecodedPoll decoded = UploadEventMapper.decode(poll, UploadCompleted.class, UploadEventMapper::completed);

        // Then the two before it are applied, then it is named with its index
        assertThatThrownBy(() -> decoded.applyTo(events -> {
            applied.add(events);
            return List.of();
        }, (type, rejection) -> {
            throw new AssertionError("nothing is rejected here");
        })).isInstanceOfSatisfying(
                BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(2);
                    assertThat(e.getCause()).isInstanceOf(MalformedUploadEvent.class)
                            .hasMessageContaining("undecodable");
                });
        assertThat(applied).hasSize(1);
        assertThat(applied.get(0)).hasSize(2);
    }

    @Test
    void shouldNameAnEventOfAnotherTypeOnTheTopicAsMalformed() {
        // Given
        @SuppressWarnings({"unchecked", "rawtypes"})
        ConsumerRecord<String, UploadCompleted> foreign = (ConsumerRecord) new ConsumerRecord<String, SpecificRecord>(
                Topics.UPLOAD_COMPLETED.name(), 0, 0, "k",
                TestEvents.emailSent(UUID.randomUUID().toString(), TestEvents.now()));

        // When
        DecodedPoll decoded = UploadEventMapper.decode(List.of(foreign), UploadCompleted.class,
                UploadEventMapper::completed);

        // Then
        assertThat(decoded.events()).isEmpty();
        assertThat(decoded.poison().getIndex()).isZero();
        assertThat(decoded.poison().getCause()).hasMessageContaining("EmailSent");
    }

    private static UploadCompleted completed() {
        return TestEvents.completed(UUID.randomUUID().toString(), TestEvents.now(), 1L, CompletionSource.CLIENT);
    }

    private static ConsumerRecord<String, UploadCompleted> record(long offset, UploadCompleted value) {
        return new ConsumerRecord<>(Topics.UPLOAD_COMPLETED.name(), 0, offset, "k", value);
    }
}
