package com.apexshare.gateway.ratelimit;

import java.time.Duration;

/**
 * A token bucket's shape.
 *
 * @param requests tokens refilled per {@code period} (greedily: spread over the period, not all at its end)
 * @param period   the refill period, one second for a rate in requests per second
 * @param burst    bucket size: requests allowed at once after a quiet spell
 */
public record Limit(long requests, Duration period, long burst) {

    public Limit {
        if (requests < 1 || burst < 1 || period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit needs positive requests, period and burst");
        }
    }
}
