package com.apexshare.notification.email;

import java.time.Duration;

import com.apexshare.notification.NotificationProperties;

/**
 * Exponential backoff per email with +-20 % jitter (so that emails throttled together do not come back together),
 * capped at {@code maxBackoff}; after {@code maxAttempts} attempts the email is given up.
 */
record RetryPolicy(Duration initialBackoff, double multiplier, Duration maxBackoff, int maxAttempts) {

    static RetryPolicy of(NotificationProperties.Retry retry) {
        return new RetryPolicy(retry.initialBackoff(), retry.multiplier(), retry.maxBackoff(), retry.maxAttempts());
    }

    boolean exhausted(int attempt) {
        return attempt >= maxAttempts;
    }

    /**
     * @param attempt the attempt that just failed, from 1
     * @param jitter  a number in [0, 1)
     */
    Duration backoffAfter(int attempt, double jitter) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(millis, maxBackoff.toMillis());
        double jittered = Math.min(capped * (0.8 + 0.4 * jitter), maxBackoff.toMillis());
        return Duration.ofMillis(Math.max(1, Math.round(jittered)));
    }
}
