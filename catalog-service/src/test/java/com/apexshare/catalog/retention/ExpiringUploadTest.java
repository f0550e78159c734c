package com.apexshare.catalog.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ExpiringUploadTest {

    private static final Instant END = Instant.parse("2026-06-13T17:02:11.123Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    @Test
    void shouldRefuseAClaimBeforeTheEndOfRetention() {
        // Given
        ExpiringUpload upload = upload();

        // Then
        assertThat(upload.isClaimable(END.minusMillis(1))).isFalse();
        assertThatThrownBy(() -> upload.claim(END.minusMillis(1), LEASE)).isInstanceOf(IllegalStateException.class);
        assertThat(upload.claimedUntil()).isNull();
    }

    @Test
    void shouldHoldAClaimedUploadUntilItsLeaseRunsOut() {
        // Given a due upload
        ExpiringUpload upload = upload();
        assertThat(upload.isClaimable(END)).isTrue();

        // When a run claims it
        upload.claim(END, LEASE);

        // Then nobody else may claim it until the lease runs out, and then anybody may
        assertThat(upload.claimedUntil()).isEqualTo(END.plus(LEASE));
        assertThat(upload.isClaimable(END.plus(LEASE).minusMillis(1))).isFalse();
        assertThatThrownBy(() -> upload.claim(END.plusSeconds(1), LEASE)).isInstanceOf(IllegalStateException.class);
        assertThat(upload.isClaimable(END.plus(LEASE))).isTrue();
        upload.claim(END.plus(LEASE), LEASE);
        assertThat(upload.claimedUntil()).isEqualTo(END.plus(LEASE).plus(LEASE));
    }

    @Test
    void shouldBeClaimableAgainAtOnceWhenTheClaimIsGivenBack() {
        // Given a claimed upload
        ExpiringUpload upload = upload();
        upload.claim(END, LEASE);

        // When
        upload.release();

        // Then
        assertThat(upload.claimedUntil()).isNull();
        assertThat(upload.isClaimable(END.plusSeconds(1))).isTrue();
    }

    @Test
    void shouldNeverClaimAnExpiredUploadAgain() {
        ExpiringUpload expired = new ExpiringUpload(UUID.randomUUID(), "apexshare-videos", "videos/x.mp4", END,
                END.plusSeconds(30));

        assertThat(expired.isClaimable(END.plus(Duration.ofDays(1)))).isFalse();
        assertThatThrownBy(() -> expired.claim(END.plus(Duration.ofDays(1)), LEASE))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldNeverClaimAnUploadWhoseRetentionIsUnknown() {
        ExpiringUpload placeholder = new ExpiringUpload(UUID.randomUUID(), null, null, null, null);

        assertThat(placeholder.isClaimable(END)).isFalse();
        assertThatThrownBy(() -> placeholder.claim(END, LEASE)).isInstanceOf(IllegalStateException.class);
    }

    private static ExpiringUpload upload() {
        return new ExpiringUpload(UUID.randomUUID(), "apexshare-videos", "videos/2026-05-14/x-GX010042.MP4", END,
                null);
    }
}
