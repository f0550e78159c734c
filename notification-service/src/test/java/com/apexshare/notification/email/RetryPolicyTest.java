package com.apexshare.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(5), 2.0, Duration.ofMinutes(15), 12);

    @Test
    void shouldDoubleTheWaitPerAttemptWithinTwentyPercentJitter() {
        // Given attempts 1 to 4 failing
        // When the next waits are computed at both jitter extremes
        // Then they grow 5, 10, 20, 40 s within -20 % .. +20 %
        for (int attempt = 1; attempt <= 4; attempt++) {
            long base = 5_000L << (attempt - 1);
            assertThat(policy.backoffAfter(attempt, 0.0).toMillis()).isEqualTo(Math.round(base * 0.8));
            assertThat(policy.backoffAfter(attempt, 0.999999).toMillis()).isBetween(Math.round(base * 1.19),
                    Math.round(base * 1.2));
        }
    }

    @Test
    void shouldNeverWaitLongerThanTheMaximum() {
        // Given many failed attempts
        // When the wait is computed
        // Then it is capped
        assertThat(policy.backoffAfter(30, 0.999).toMillis()).isLessThanOrEqualTo(Duration.ofMinutes(15).toMillis());
        assertThat(policy.backoffAfter(30, 0.0).toMillis()).isEqualTo(Math.round(Duration.ofMinutes(15).toMillis() * 0.8));
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() {
        // Given the configured attempts
        // When asked after each attempt
        // Then only the last one exhausts the policy
        assertThat(policy.exhausted(11)).isFalse();
        assertThat(policy.exhausted(12)).isTrue();
    }
}
