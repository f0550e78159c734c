package com.apexshare.catalog.upload.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.apexshare.catalog.TestEvents;
import com.apexshare.catalog.upload.UploadEvent;
import com.apexshare.events.CompletionSource;
import com.apexshare.events.DeletionReason;

class AvroEventMapperTest {

    @Test
    void shouldMapAnInitiationWithAllItsFields() {
        // Given
        String fileId = UUID.randomUUID().toString();
        Instant at = TestEvents.now();

        // When
        UploadEvent event = AvroEventMapper.toUploadEvent(TestEvents.initiated(fileId, "t-1", at).build());

        // Then
        assertThat(event).isInstanceOfSatisfying(UploadEvent.Initiated.class, e -> {
            assertThat(e.fileId()).isEqualTo(UUID.fromString(fileId));
            assertThat(e.trainerId()).isEqualTo("t-1");
            assertThat(e.initiatedAt()).isEqualTo(at);
            assertThat(e.uploadMode()).isEqualTo("MULTIPART");
            assertThat(e.retentionUntil()).isAfter(at);
        });
    }

    @Test
    void shouldMarkOnlyRetentionDeletionsAsExpiry() {
        String fileId = UUID.randomUUID().toString();
        Instant at = TestEvents.now();

        assertThat(((UploadEvent.Deleted) AvroEventMapper.toUploadEvent(
                TestEvents.deleted(fileId, at, DeletionReason.RETENTION_EXPIRED))).expired()).isTrue();
        assertThat(((UploadEvent.Deleted) AvroEventMapper.toUploadEvent(
                TestEvents.deleted(fileId, at, DeletionReason.ABORTED))).expired()).isFalse();
    }

    @Test
    void shouldRefuseIdsThatAreNotCanonicalUuids() {
        Instant at = TestEvents.now();

        assertThatThrownBy(() -> AvroEventMapper.toUploadEvent(
                TestEvents.completed("not-a-uuid", at, 1L, CompletionSource.CLIENT)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fileId");
        assertThatThrownBy(() -> AvroEventMapper.toUploadEvent(
                TestEvents.completed("1-2-3-4-5", at, 1L, CompletionSource.CLIENT)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AvroEventMapper.toUploadEvent(
                TestEvents.downloaded(UUID.randomUUID().toString(), "x", at)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("downloadId");
    }
}
