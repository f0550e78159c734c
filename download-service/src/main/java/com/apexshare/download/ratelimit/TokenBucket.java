package com.apexshare.download.ratelimit;

/**
 * A classic token bucket: holds up to {@code capacity} tokens, refills at {@code ratePerSecond}, each request takes
 * one. Starts full, so a client's first burst is allowed.
 */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long refilledAt;

    TokenBucket(int capacity, double ratePerSecond, long nowNanos) {
        this.capacity = capacity;
        this.tokensPerNano = ratePerSecond / 1e9;
        this.tokens = capacity;
        this.refilledAt = nowNanos;
    }

    /** Takes a token; returns 0 when one was available, otherwise the nanoseconds until one will be. */
    synchronized long tryTake(long nowNanos) {
        long elapsed = nowNanos - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            refilledAt = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerNano));
    }
}
