package com.apexshare.download.link.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.apexshare.download.link.LinkFixture;
import com.apexshare.download.link.UploadView;
import com.apexshare.platform.kafka.UnprocessableEvent;

/** What can never be applied is refused as a fact, so the error policy dead-letters it instead of retrying it. */
class UploadEventMapperTest {

    private static final String BUCKET = "apexshare-videos";
    private final LinkFixture.Upload upload = LinkFixture.Upload.of("ride.mp4", new byte[1024],
            Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS));

    @Test
    void shouldMapTheFactsTheViewNeeds() {
        // Given valid events, the hash in upper case as a producer may write it
        String hash = LinkFixture.sha256(upload.token());

        // When they are mapped
        UploadView.InitiatedUpload initiated = UploadEventMapper.initiated(
                LinkFixture.initiatedEvent(upload, BUCKET).build());
        UploadView.SentLink link = UploadEventMapper.linkSent(
                LinkFixture.emailSentEvent(upload).setLinkTokenSha256(hash.toUpperCase()).build());

        // Then the facts are the events' own, the hash in the form the view looks it up
        assertThat(initiated.fileId()).isEqualTo(upload.fileId());
        assertThat(initiated.fileName()).isEqualTo("ride.mp4");
        assertThat(initiated.objectKey()).isEqualTo(upload.objectKey());
        assertThat(initiated.declaredSize()).isEqualTo(1024);
        assertThat(link.fileId()).isEqualTo(upload.fileId());
        assertThat(link.tokenSha256()).isEqualTo(hash);
        assertThat(link.expiresAt()).isEqualTo(upload.retentionUntil());
    }

    @Test
    void shouldRefuseFileIdsThatAreNotCanonicalUuids() {
        for (String fileId : new String[] {"not-a-uuid", "", "1-1-1-1-1", UUID.randomUUID() + "0"}) {
            assertThatThrownBy(() -> UploadEventMapper.completed(
                    LinkFixture.completedEvent(upload, BUCKET).setFileId(fileId).build()))
                    .as(fileId).isInstanceOf(MalformedUploadEvent.class).isInstanceOf(UnprocessableEvent.class);
        }
    }

    @Test
    void shouldMapAnIssuedLinkAsOneThatAwaitsConfirmation() {
        // Given the LinkIssued of the upload's link, its hash in upper case
        String hash = LinkFixture.sha256(upload.token());
        com.apexshare.events.LinkIssued issued = com.apexshare.events.LinkIssued.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setFileId(upload.fileId().toString()).setLinkTokenSha256(hash.toUpperCase())
                .setLinkExpiresAt(upload.retentionUntil()).build();

        // When mapped, Then it is the link, waiting for its confirmation; an EmailSent link does not wait
        UploadView.SentLink link = UploadEventMapper.linkIssued(issued);
        assertThat(link.tokenSha256()).isEqualTo(hash);
        assertThat(link.awaitsConfirmation()).isTrue();
        assertThat(UploadEventMapper.linkSent(LinkFixture.emailSentEvent(upload).build()).awaitsConfirmation())
                .isFalse();
        // and a hash that is not SHA-256 hex is malformed
        com.apexshare.events.LinkIssued broken = com.apexshare.events.LinkIssued.newBuilder(issued)
                .setLinkTokenSha256("g" + hash.substring(1)).build();
        assertThatThrownBy(() -> UploadEventMapper.linkIssued(broken)).isInstanceOf(MalformedUploadEvent.class);
    }

    @Test
    void shouldRefuseAHashThatIsNotSha256Hex() {
        String hash = LinkFixture.sha256(upload.token());
        for (String bad : new String[] {"", hash.substring(1), hash + "0", "g" + hash.substring(1)}) {
            assertThatThrownBy(() -> UploadEventMapper.linkSent(
                    LinkFixture.emailSentEvent(upload).setLinkTokenSha256(bad).build()))
                    .as(bad).isInstanceOf(MalformedUploadEvent.class);
        }
    }

    @Test
    void shouldRefuseTextTheDatabaseCannotHold() {
        assertThatThrownBy(() -> UploadEventMapper.initiated(
                LinkFixture.initiatedEvent(upload, BUCKET).setFileName("ride\0.mp4").build()))
                .isInstanceOf(MalformedUploadEvent.class).hasMessageContaining("fileName");
    }
}
