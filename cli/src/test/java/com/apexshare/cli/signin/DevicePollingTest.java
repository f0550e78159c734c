package com.apexshare.cli.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The device flow's pace and endings (RFC 8628 section 3.5). */
class DevicePollingTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant DEADLINE = NOW.plusSeconds(600);

    @Test
    void shouldPollEveryFiveSecondsWhenTheIssuerNamesNoIntervalAndItsOwnWhenItDoes() {
        // Given an answer without an interval and one with 7 s, Then 5 s (the default given) and 7 s
        assertThat(new DevicePolling(null, Duration.ofSeconds(5), DEADLINE).interval()).hasSeconds(5);
        assertThat(new DevicePolling(7L, Duration.ofSeconds(5), DEADLINE).interval()).hasSeconds(7);
    }

    @Test
    void shouldWaitOnWhilePendingAndFiveSecondsMoreAtEachSlowDown() {
        // Given polling at 5 s
        DevicePolling polling = new DevicePolling(null, Duration.ofSeconds(5), DEADLINE);

        // When the issuer says pending, then slow_down twice, Then the pause stays 5 s, then grows to 10 s and 15 s
        assertThat(polling.after("authorization_pending", NOW)).isEqualTo(new DevicePolling.Wait(Duration.ofSeconds(5)));
        assertThat(polling.after("slow_down", NOW)).isEqualTo(new DevicePolling.Wait(Duration.ofSeconds(10)));
        assertThat(polling.after("slow_down", NOW)).isEqualTo(new DevicePolling.Wait(Duration.ofSeconds(15)));
        assertThat(polling.after("authorization_pending", NOW)).isEqualTo(new DevicePolling.Wait(Duration.ofSeconds(15)));
    }

    @Test
    void shouldPollOnceMoreAtTheDeadlineThenCallTheCodeExpired() {
        // Given 3 s left before the code expires
        DevicePolling polling = new DevicePolling(null, Duration.ofSeconds(5), DEADLINE);

        // When pending then, Then the last poll comes at the deadline; pending at the deadline means expired
        assertThat(polling.after("authorization_pending", DEADLINE.minusSeconds(3)))
                .isEqualTo(new DevicePolling.Wait(Duration.ofSeconds(3)));
        assertThat(polling.after("authorization_pending", DEADLINE)).isInstanceOfSatisfying(DevicePolling.Stop.class,
                stop -> assertThat(stop.message()).startsWith("the code expired before anyone approved it"));
        assertThat(polling.afterTrouble(DEADLINE.plusSeconds(1))).isInstanceOf(DevicePolling.Stop.class);
    }

    @Test
    void shouldStopWithAClearMessageOnDenialExpiryOrAnyOtherError() {
        DevicePolling polling = new DevicePolling(null, Duration.ofSeconds(5), DEADLINE);
        assertThat(((DevicePolling.Stop) polling.after("access_denied", NOW)).message())
                .isEqualTo("the sign-in was denied in the browser (or the code was used already): run apexshare "
                        + "login again to retry");
        assertThat(((DevicePolling.Stop) polling.after("expired_token", NOW)).message())
                .isEqualTo("the code expired before anyone approved it: run apexshare login again");
        assertThat(((DevicePolling.Stop) polling.after("invalid_client", NOW)).message())
                .isEqualTo("the issuer ended the sign-in: invalid_client");
    }

    @Test
    void shouldKeepPollingThroughNetworkTroubleUntilTheDeadline() {
        DevicePolling polling = new DevicePolling(null, Duration.ofSeconds(5), DEADLINE);
        assertThat(polling.afterTrouble(NOW)).isEqualTo(new DevicePolling.Wait(Duration.ofSeconds(5)));
    }
}
