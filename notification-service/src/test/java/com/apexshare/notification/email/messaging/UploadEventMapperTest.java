package com.apexshare.notification.email.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.apexshare.events.DeletionReason;
import com.apexshare.notification.email.UploadDeletion;
import com.apexshare.notification.email.UploadFacts;
import com.apexshare.notification.support.Events;
import com.apexshare.platform.kafka.UnprocessableEvent;

class UploadEventMapperTest {

    @Test
    void shouldMapTheInitiatedFactsTheEmailsNeed() {
        // Given an UploadInitiated
        UUID fileId = UUID.randomUUID();
        var event = Events.initiated(fileId, "sam@riders.test").build();

        // When mapped
        UploadFacts facts = UploadEventMapper.initiated(event);

        // Then the ledger gets the upload's facts as the event carried them
        assertThat(facts.fileId()).isEqualTo(fileId);
        assertThat(facts.studentEmail()).isEqualTo("sam@riders.test");
        assertThat(facts.trainerName()).isEqualTo(event.getTrainerName());
        assertThat(facts.fileSize()).isEqualTo(event.getFileSize());
        assertThat(facts.retentionUntil()).isEqualTo(event.getRetentionUntil());
    }

    @Test
    void shouldMapAConfirmedLinksHashAndRefuseOneThatIsNotSha256Hex() {
        // Given a LinkActivated with the hash in upper case, and one with a broken hash
        String hash = com.apexshare.events.link.LinkToken.generate().sha256Hex();
        var activated = com.apexshare.events.LinkActivated.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(java.time.Instant.now()).setFileId(UUID.randomUUID().toString())
                .setLinkTokenSha256(hash.toUpperCase()).build();

        // When mapped / Then the hash is the lower-case form, and a broken one is malformed
        assertThat(UploadEventMapper.tokenSha256(activated)).isEqualTo(hash);
        var broken = com.apexshare.events.LinkActivated.newBuilder(activated).setLinkTokenSha256(hash.substring(2))
                .build();
        assertThatThrownBy(() -> UploadEventMapper.tokenSha256(broken)).isInstanceOf(MalformedUploadEvent.class)
                .isInstanceOf(UnprocessableEvent.class);
    }

    @Test
    void shouldMapADeletionWithItsReason() {
        // Given an UploadDeleted
        UUID fileId = UUID.randomUUID();

        // When mapped
        UploadDeletion deletion = UploadEventMapper.deleted(Events.deleted(fileId, DeletionReason.RETENTION_EXPIRED));

        // Then the reason is the event's
        assertThat(deletion.fileId()).isEqualTo(fileId);
        assertThat(deletion.reason()).isEqualTo("RETENTION_EXPIRED");
    }

    @Test
    void shouldRefuseAFileIdThatIsNotAUuidAsAnUnprocessableEvent() {
        // Given a file id that is no UUID
        // When mapped
        // Then it is refused as a fact the platform dead-letters at once, without the parser's exception as cause
        assertThatThrownBy(() -> UploadEventMapper.fileId("not-a-uuid"))
                .isInstanceOf(MalformedUploadEvent.class).isInstanceOf(UnprocessableEvent.class)
                .hasMessageContaining("not-a-uuid").hasNoCause();
    }
}
