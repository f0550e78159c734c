package com.apexshare.cli.api;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a failed call is tried again: exponential backoff with jitter between attempts, so that
 * parallel part uploads that failed together do not hammer S3 together again.
 *
 * @param attempts     tries in all, at least 1
 * @param initialDelay wait before the second try
 * @param maxDelay     longest wait between two tries
 */
public record RetryPolicy(int attempts, Duration initialDelay, Duration maxDelay) {

    /** Five tries, waiting 0.5 s, 1 s, 2 s, 4 s (±20 %) between them. */
    public static final RetryPolicy STANDARD = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(8));

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** The wait after the given failed attempt (1-based). */
    public Duration delayAfter(int attempt) {
        long base = initialDelay.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        long capped = Math.min(base, maxDelay.toMillis());
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.round(capped * jitter));
    }

    /** Waits {@link #delayAfter(int)}; keeps the thread's interrupt status. */
    public void pauseAfter(int attempt) throws InterruptedException {
        long millis = delayAfter(attempt).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
