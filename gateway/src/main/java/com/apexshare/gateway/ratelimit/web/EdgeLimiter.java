package com.apexshare.gateway.ratelimit.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.apexshare.gateway.ratelimit.Limit;

import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/** Takes one token from a key's bucket in the shared bucket store. */
public final class EdgeLimiter {

    private final ProxyManager<String> buckets;
    private final Map<Limit, Supplier<BucketConfiguration>> configurations = new ConcurrentHashMap<>();

    EdgeLimiter(ProxyManager<String> buckets) {
        this.buckets = buckets;
    }

    /** The outcome for one request. */
    public record Decision(boolean allowed, long remaining, long retryAfterSeconds) {
    }

    public Decision tryConsume(String key, Limit limit) {
        Supplier<BucketConfiguration> configuration = configurations.computeIfAbsent(limit, EdgeLimiter::configuration);
        ConsumptionProbe probe = buckets.getProxy(key, configuration).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, probe.getRemainingTokens(), 0);
        }
        long nanos = probe.getNanosToWaitForRefill();
        long seconds = Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
        return new Decision(false, 0, seconds);
    }

    private static Supplier<BucketConfiguration> configuration(Limit limit) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(BandwidthBuilder.builder().capacity(limit.burst())
                        .refillGreedy(limit.requests(), limit.period()).build())
                .build();
        return () -> configuration;
    }
}
