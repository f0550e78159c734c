package com.apexshare.download.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import com.apexshare.platform.net.TrustedProxies;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The per-client budget of link look-ups in one replica: a token bucket per client address. Buckets live in a bounded
 * Caffeine map: an evicted (idle) bucket simply starts full again, so memory stays bounded under address spraying.
 */
public final class RateLimiter {

    private final TrustedProxies clients;
    private final Cache<String, TokenBucket> buckets;
    private final Settings settings;
    private final LongSupplier nanoTime;

    /**
     * @param requestsPerSecond sustained look-ups per second a client may make
     * @param burst             look-ups a client may make at once (bucket size)
     * @param maxClients        most client buckets kept in memory; the least recently used are dropped beyond it
     * @param trustedProxies    addresses or CIDRs whose {@code X-Forwarded-For} names the client
     */
    public record Settings(double requestsPerSecond, int burst, int maxClients, List<String> trustedProxies) {
    }

    /** Whether a request may go on, and otherwise after how many whole seconds its client may try again. */
    public record Admission(boolean admitted, long retryAfterSeconds) {

        static final Admission ADMITTED = new Admission(true, 0);
    }

    public RateLimiter(Settings settings, LongSupplier nanoTime) {
        this.clients = TrustedProxies.of(settings.trustedProxies());
        this.settings = settings;
        this.nanoTime = nanoTime;
        // A bucket idle for longer than it takes to refill is full anyway: dropping it loses nothing.
        Duration refill = Duration.ofNanos((long) Math.ceil(settings.burst() / settings.requestsPerSecond() * 1e9))
                .plusSeconds(1);
        this.buckets = Caffeine.newBuilder().maximumSize(settings.maxClients()).expireAfterAccess(refill).build();
    }

    /**
     * @param remoteAddress the socket peer's address literal
     * @param forwardedFor  every {@code X-Forwarded-For} header value, in order (may be empty)
     */
    public Admission admit(String remoteAddress, List<String> forwardedFor) {
        String client = clients.clientAddress(remoteAddress, forwardedFor);
        long now = nanoTime.getAsLong();
        long waitNanos = buckets.get(client, key -> new TokenBucket(settings.burst(), settings.requestsPerSecond(), now))
                .tryTake(now);
        if (waitNanos == 0) {
            return Admission.ADMITTED;
        }
        return new Admission(false, Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L)));
    }
}
