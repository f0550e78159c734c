package com.apexshare.gateway.ratelimit;

/**
 * A token bucket's shape.
 *
 * @param requestsPerSecond sustained rate (tokens refilled per second, greedily)
 * @param burst             bucket size: requests allowed at once after a quiet spell
 */
public record Limit(long requestsPerSecond, long burst) {

    public Limit {
        if (requestsPerSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and burst");
        }
    }
}
