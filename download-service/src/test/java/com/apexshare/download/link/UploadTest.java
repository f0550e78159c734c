package com.apexshare.download.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The view of one upload assembles from its facts in any order, any number of times. */
class UploadTest {

    private static final Instant T0 = Instant.parse("2025-06-14T09:00:00Z");
    private final UUID fileId = UUID.randomUUID();

    @Test
    void shouldKnowTheLocationWhicheverArrivesFirst() {
        // Given two uploads
        Upload completedFirst = new Upload(fileId, T0);
        Upload initiatedFirst = new Upload(fileId, T0);

        // When the facts arrive in both orders, naming the same object
        completedFirst.recordCompleted(completed(T0.plusSeconds(60), "videos/a"), T0);
        completedFirst.recordInitiated(initiated("videos/a"), T0);
        initiatedFirst.recordInitiated(initiated("videos/a"), T0);
        initiatedFirst.recordCompleted(completed(T0.plusSeconds(60), "videos/a"), T0);

        // Then both know where the bytes are and are ready
        assertThat(completedFirst.objectKey()).isEqualTo("videos/a");
        assertThat(initiatedFirst.objectKey()).isEqualTo("videos/a");
        assertThat(completedFirst.bucket()).isEqualTo("apexshare-videos");
        assertThat(completedFirst.isReady()).isTrue();
        assertThat(initiatedFirst.isReady()).isTrue();
    }

    @Test
    void shouldServeLinksOfTheCurrentGenerationOrAboveUntilTheLinksAreRevoked() {
        // Given an upload whose trainer corrected the address once (generation 2), the change delivered twice
        Upload upload = new Upload(fileId, T0);
        upload.recordAddressChanged(new UploadView.AddressChange(fileId, 2), T0);
        upload.recordAddressChanged(new UploadView.AddressChange(fileId, 2), T0);

        // Then links of generation 2 (and of a later change not seen yet) are served, the old address's are not
        assertThat(upload.serves(1)).isFalse();
        assertThat(upload.serves(2)).isTrue();
        assertThat(upload.serves(3)).isTrue();

        // When the trainer revokes the links, Then none is served, whatever its generation
        upload.recordLinksRevoked(new UploadView.Revocation(fileId, T0.plusSeconds(60)), T0);
        assertThat(upload.serves(2)).isFalse();
        assertThat(upload.serves(3)).isFalse();
    }

    @Test
    void shouldNeverReAimTheUploadAtAnotherObject() {
        // Given an upload whose initiation named its object, and one whose completion came first
        Upload initiatedFirst = new Upload(fileId, T0);
        initiatedFirst.recordInitiated(initiated("videos/a"), T0);
        Upload completedFirst = new Upload(fileId, T0);
        completedFirst.recordCompleted(completed(T0.plusSeconds(60), "videos/a"), T0);

        // When a completion or an initiation names another object, Then it is refused and changes nothing
        assertThatThrownBy(() -> initiatedFirst.recordCompleted(completed(T0.plusSeconds(60), "videos/b"), T0))
                .isInstanceOf(ConflictingUploadFacts.class).hasMessageNotContaining("videos/b");
        assertThatThrownBy(() -> completedFirst.recordCompleted(completed(T0.plusSeconds(30), "videos/b"), T0))
                .isInstanceOf(ConflictingUploadFacts.class);
        assertThatThrownBy(() -> completedFirst.recordInitiated(initiated("videos/b"), T0))
                .isInstanceOf(ConflictingUploadFacts.class);
        assertThat(initiatedFirst.objectKey()).isEqualTo("videos/a");
        assertThat(initiatedFirst.completedAt()).isNull();
        assertThat(completedFirst.objectKey()).isEqualTo("videos/a");
        assertThat(completedFirst.completedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void shouldKeepTheFirstInitiationAndIgnoreItsRepetition() {
        // Given an initiated upload
        Upload upload = new Upload(fileId, T0);
        upload.recordInitiated(initiated("videos/a"), T0);

        // When the same initiation arrives again, Then nothing changes
        upload.recordInitiated(initiated("videos/a"), T0);

        // When another initiation with an earlier time and another trainer arrives, Then it is refused
        UploadView.InitiatedUpload earlier = new UploadView.InitiatedUpload(fileId, T0.minusSeconds(3600), "Mallory",
                LocalDate.of(2025, 6, 14), "notes", "ride.mp4", "video/mp4", 1024, "apexshare-videos", "videos/a",
                T0.plusSeconds(86_400));
        assertThatThrownBy(() -> upload.recordInitiated(earlier, T0)).isInstanceOf(ConflictingUploadFacts.class);
    }

    @Test
    void shouldKeepTheEarliestCompletion() {
        // Given a completed upload
        Upload upload = new Upload(fileId, T0);
        upload.recordCompleted(completed(T0.plusSeconds(60), "videos/a"), T0);

        // When a later and an earlier completion (the client's signal and S3's notification) arrive
        upload.recordCompleted(completed(T0.plusSeconds(90), "videos/a"), T0);
        upload.recordCompleted(completed(T0.plusSeconds(30), "videos/a"), T0);

        // Then the earliest completion time sticks
        assertThat(upload.completedAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void shouldNeverUndoADeletionAndKeepItsFirstReason() {
        // Given an upload deleted because it was aborted
        Upload upload = new Upload(fileId, T0);
        upload.recordDeleted(new UploadView.DeletedUpload(fileId, T0.plusSeconds(100), "ABORTED"), T0);

        // When its other facts arrive late, and a second deletion for another reason
        upload.recordInitiated(initiated("videos/a"), T0);
        upload.recordCompleted(completed(T0.plusSeconds(60), "videos/a"), T0);
        upload.recordDeleted(new UploadView.DeletedUpload(fileId, T0.plusSeconds(200), "RETENTION_EXPIRED"), T0);

        // Then it stays deleted at the first time, for the first reason
        assertThat(upload.deletedAt()).isEqualTo(T0.plusSeconds(100));
        assertThat(upload.deletionReason()).isEqualTo("ABORTED");

        // And an earlier deletion report moves the time, not the reason
        upload.recordDeleted(new UploadView.DeletedUpload(fileId, T0.plusSeconds(50), "RETENTION_EXPIRED"), T0);
        assertThat(upload.deletedAt()).isEqualTo(T0.plusSeconds(50));
        assertThat(upload.deletionReason()).isEqualTo("ABORTED");
    }

    @Test
    void shouldRefuseTheFactsOfAnotherUpload() {
        Upload upload = new Upload(fileId, T0);

        assertThatThrownBy(() -> upload.recordDeleted(
                new UploadView.DeletedUpload(UUID.randomUUID(), T0, "ABORTED"), T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(upload.deletedAt()).isNull();
    }

    private UploadView.InitiatedUpload initiated(String objectKey) {
        return new UploadView.InitiatedUpload(fileId, T0, "Tom Trainer", LocalDate.of(2025, 6, 14), "notes",
                "ride.mp4", "video/mp4", 1024, "apexshare-videos", objectKey, T0.plusSeconds(86_400));
    }

    private UploadView.CompletedUpload completed(Instant at, String objectKey) {
        return new UploadView.CompletedUpload(fileId, at, "apexshare-videos", objectKey, 1024, "etag");
    }
}
