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
