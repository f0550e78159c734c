package com.apexshare.upload.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The upload's state machine: every legal move, and every illegal one refused. */
class UploadSessionTest {

    private static final long MIB = 1024L * 1024L;
    private static final Instant STARTED = Instant.parse("2026-05-14T10:00:00Z");
    private static final Instant LATER = STARTED.plusSeconds(60);
    private static final String KEY = "videos/2026-05-14/8d55de8b-59a6-47a7-99bf-0625755398b7-ride.mp4";

    private final UUID fileId = UUID.fromString("8d55de8b-59a6-47a7-99bf-0625755398b7");

    private UploadSession inProgress() {
        PartPlan plan = PartPlan.of(12 * MIB, 5 * MIB, 5 * MIB, 10_000);
        return UploadSession.start(fileId, "trainer-1", plan,
                new UploadTarget("videos-bucket", KEY, "video/mp4", "s3-upload-1"), STARTED);
    }

    private static StoredObject object(long size) {
        return new StoredObject("videos-bucket", KEY, size, "etag-3");
    }

    private UploadSession completed() {
        UploadSession session = inProgress();
        session.complete(object(12 * MIB), LATER);
        return session;
    }

    private UploadSession aborting() {
        UploadSession session = inProgress();
        session.startAborting(LATER);
        return session;
    }

    private UploadSession aborted() {
        UploadSession session = aborting();
        session.markAborted(LATER);
        return session;
    }

    @Test
    void shouldStartInProgressAndTakeParts() {
        // Given / When
        UploadSession session = inProgress();

        // Then
        assertThat(session.status()).isEqualTo(UploadStatus.IN_PROGRESS);
        assertThat(session.completion()).isEmpty();
        assertThat(session.abortStarted()).isFalse();
        session.ensureTakingParts();
        assertThat(session.ownedBy("trainer-1")).isTrue();
        assertThat(session.ownedBy("trainer-2")).isFalse();
    }

    @Test
    void shouldRefuseAMultipartSessionWithoutS3sUploadId() {
        // Given a multipart plan and no multipart upload
        PartPlan plan = PartPlan.of(12 * MIB, 5 * MIB, 5 * MIB, 10_000);

        // When / Then
        assertThatThrownBy(() -> UploadSession.start(fileId, "trainer-1", plan,
                new UploadTarget("videos-bucket", KEY, "video/mp4", null), STARTED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCompleteAnUploadInProgressWithTheStoredObject() {
        // Given
        UploadSession session = inProgress();

        // When
        CompletedUpload result = session.complete(object(12 * MIB), LATER);

        // Then
        assertThat(session.status()).isEqualTo(UploadStatus.COMPLETED);
        assertThat(result).isEqualTo(new CompletedUpload(fileId, 12 * MIB, "etag-3"));
        assertThat(session.completion()).contains(result);
    }

    @Test
    void shouldAnswerTheFirstCompletionWhenCompletedAgain() {
        // Given a completed upload
        UploadSession session = completed();

        // When the other signal (or a retry) completes it again
        CompletedUpload again = session.complete(new StoredObject("videos-bucket", KEY, 12 * MIB, "other"), LATER);

        // Then the first result stands
        assertThat(again.eTag()).isEqualTo("etag-3");
        assertThat(session.status()).isEqualTo(UploadStatus.COMPLETED);
    }

    @Test
    void shouldRefuseACompletionWithAnotherSizeOrObject() {
        // Given
        UploadSession session = inProgress();

        // When / Then
        assertThatThrownBy(() -> session.complete(object(12 * MIB + 1), LATER))
                .isInstanceOf(UploadSizeMismatch.class);
        assertThatThrownBy(() -> session.complete(new StoredObject("videos-bucket", "videos/other.mp4", 12 * MIB,
                "x"), LATER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> session.complete(new StoredObject("other-bucket", KEY, 12 * MIB, "x"), LATER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(session.status()).isEqualTo(UploadStatus.IN_PROGRESS);
    }

    @Test
    void shouldRefuseToCompleteAnUploadBeingAbortedOrAborted() {
        // Given / When / Then
        UploadSession aborting = aborting();
        assertThatThrownBy(() -> aborting.complete(object(12 * MIB), LATER)).isInstanceOf(UploadAborted.class);
        assertThat(aborting.status()).isEqualTo(UploadStatus.ABORTING);
        UploadSession aborted = aborted();
        assertThatThrownBy(() -> aborted.complete(object(12 * MIB), LATER)).isInstanceOf(UploadAborted.class);
        assertThat(aborted.status()).isEqualTo(UploadStatus.ABORTED);
    }

    @Test
    void shouldClaimTheAbortOfAnUploadInProgress() {
        // Given
        UploadSession session = inProgress();

        // When
        boolean claimed = session.startAborting(LATER);

        // Then it takes nothing more while S3 and Kafka are called
        assertThat(claimed).isTrue();
        assertThat(session.status()).isEqualTo(UploadStatus.ABORTING);
        assertThat(session.abortStarted()).isTrue();
        assertThatThrownBy(session::ensureTakingParts).isInstanceOf(UploadAborted.class);
    }

    @Test
    void shouldClaimAnAbortUnderWayAgain() {
        // Given an abort whose claimant may have died
        UploadSession session = aborting();

        // When it is claimed again
        boolean claimed = session.startAborting(LATER.plusSeconds(600));

        // Then there is still an abort to carry out
        assertThat(claimed).isTrue();
        assertThat(session.status()).isEqualTo(UploadStatus.ABORTING);
    }

    @Test
    void shouldHaveNothingToAbortWhenAbortedAlready() {
        // Given
        UploadSession session = aborted();

        // When
        boolean claimed = session.startAborting(LATER);

        // Then
        assertThat(claimed).isFalse();
        assertThat(session.status()).isEqualTo(UploadStatus.ABORTED);
    }

    @Test
    void shouldRefuseToAbortACompletedUpload() {
        // Given
        UploadSession session = completed();

        // When / Then
        assertThatThrownBy(() -> session.startAborting(LATER)).isInstanceOf(UploadAlreadyCompleted.class);
        assertThatThrownBy(() -> session.markAborted(LATER)).isInstanceOf(UploadAlreadyCompleted.class);
        assertThat(session.status()).isEqualTo(UploadStatus.COMPLETED);
    }

    @Test
    void shouldSettleAClaimedAbortOnceAndIgnoreASecondSettlement() {
        // Given
        UploadSession session = aborting();

        // When
        session.markAborted(LATER);
        session.markAborted(LATER.plusSeconds(1));

        // Then
        assertThat(session.status()).isEqualTo(UploadStatus.ABORTED);
        assertThatThrownBy(session::ensureTakingParts).isInstanceOf(UploadAborted.class);
    }

    @Test
    void shouldRefuseToSettleAnAbortNobodyClaimed() {
        // Given
        UploadSession session = inProgress();

        // When / Then
        assertThatThrownBy(() -> session.markAborted(LATER)).isInstanceOf(IllegalStateException.class);
        assertThat(session.status()).isEqualTo(UploadStatus.IN_PROGRESS);
    }

    @Test
    void shouldTakeNoMorePartsOnceCompleted() {
        // Given / When / Then
        assertThatThrownBy(completed()::ensureTakingParts).isInstanceOf(UploadAlreadyCompleted.class);
    }

    private static final java.time.Duration RETENTION = java.time.Duration.ofDays(30);

    @Test
    void shouldTakeTheTrainersActionsOnlyWhileCompletedAndUnexpired() {
        // Given an upload in progress, a completed one and an aborted one
        UploadSession running = inProgress();
        UploadSession done = completed();

        // When / Then: in progress refuses, aborted refuses, completed takes them and counts
        assertThatThrownBy(() -> running.resend(LATER, RETENTION)).isInstanceOf(UploadNotCompleted.class);
        assertThatThrownBy(() -> aborted().resend(LATER, RETENTION)).isInstanceOf(UploadAborted.class);
        assertThat(done.resend(LATER, RETENTION)).isEqualTo(1);
        assertThat(done.changeAddress(LATER, RETENTION)).isEqualTo(2);
        assertThat(done.changeAddress(LATER, RETENTION)).isEqualTo(3);
        ExpiryChange change = done.changeExpiry(STARTED.plus(java.time.Duration.ofDays(40)), LATER, RETENTION);
        assertThat(change.previousExpiresAt()).isEqualTo(STARTED.plus(RETENTION));
        assertThat(change.revision()).isEqualTo(1);
        assertThat(done.setReminders(false, LATER, RETENTION)).isEqualTo(1);
        assertThat(done.setReminders(false, LATER, RETENTION)).isZero();
        // and past its (changed) expiry nothing is taken
        assertThatThrownBy(() -> done.resend(STARTED.plus(java.time.Duration.ofDays(41)), RETENTION))
                .isInstanceOf(UploadExpired.class);
    }

    @Test
    void shouldRevokeOnceAndThenRefuseResendingAndNewAddresses() {
        // Given a completed upload whose links were revoked
        UploadSession done = completed();
        assertThat(done.revokeLinks(LATER, RETENTION)).isTrue();

        // When / Then: revoking again changes nothing; resend and address changes are refused
        assertThat(done.revokeLinks(LATER, RETENTION)).isFalse();
        assertThatThrownBy(() -> done.resend(LATER, RETENTION)).isInstanceOf(LinksRevoked.class);
        assertThatThrownBy(() -> done.changeAddress(LATER, RETENTION)).isInstanceOf(LinksRevoked.class);
        assertThat(done.actionState(RETENTION).linksRevokedAt()).isEqualTo(LATER);
    }

    @Test
    void shouldDeleteACompletedUploadOnceAndIgnoreALateCompletion() {
        // Given a completed upload
        UploadSession done = completed();

        // When its delete is claimed (twice: a claimant that died) and settled (twice)
        assertThat(done.startDeleting(LATER)).isTrue();
        assertThat(done.startDeleting(LATER)).isTrue();
        assertThat(done.markDeleted(LATER)).isTrue();
        assertThat(done.markDeleted(LATER)).isFalse();

        // Then it is deleted, a late completion changes nothing, deleting again is a no-op, other actions are refused
        assertThat(done.status()).isEqualTo(UploadStatus.DELETED);
        assertThat(done.deleteStarted()).isTrue();
        assertThat(done.complete(object(12 * MIB), LATER).size()).isEqualTo(12 * MIB);
        assertThat(done.status()).isEqualTo(UploadStatus.DELETED);
        assertThat(done.startDeleting(LATER)).isFalse();
        assertThatThrownBy(() -> done.resend(LATER, RETENTION)).isInstanceOf(UploadRemoved.class);
        assertThatThrownBy(done::ensureTakingParts).isInstanceOf(UploadRemoved.class);
        assertThatThrownBy(() -> inProgress().startDeleting(LATER)).isInstanceOf(UploadNotCompleted.class);
    }
}
