package com.apexshare.devstack;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-loop load generator for benchmarks: starts one call every {@code 1/rate} seconds whatever the previous calls
 * are doing, and measures each latency from its intended start, so a stalled server shows up in the percentiles
 * instead of silently lowering the rate (no coordinated omission).
 */
public final class FixedRateLoad {

    /** One call of the load; throws to count an error. */
    @FunctionalInterface
    public interface Call {
        void run(long sequence) throws Exception;
    }

    /** Latencies (microseconds) and error count of a run. */
    public record Result(Histogram latencyMicros, long errors, long calls, Duration elapsed) {
        public double percentileMillis(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        public double achievedRate() {
            return calls / (elapsed.toNanos() / 1e9);
        }
    }

    private FixedRateLoad() {
    }

    /**
     * @param ratePerSecond calls started per second
     * @param duration      how long to keep starting calls
     * @param concurrency   most calls in flight at once (one thread each)
     */
    public static Result run(int ratePerSecond, Duration duration, int concurrency, Call call) throws InterruptedException {
        ConcurrentHistogram histogram = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong errors = new AtomicLong();
        long intervalNanos = 1_000_000_000L / ratePerSecond;
        long total = duration.toNanos() / intervalNanos;
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(concurrency);
        long start = System.nanoTime();
        ExecutorService executor = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "fixed-rate-load");
            t.setDaemon(true);
            return t;
        });
        try {
            for (long i = 0; i < total; i++) {
                long intended = start + i * intervalNanos;
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                inFlight.acquire();
                long sequence = i;
                executor.execute(() -> {
                    try {
                        call.run(sequence);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    } finally {
                        // Release first: a failure to record must never leak a permit and stall the load.
                        inFlight.release();
                        long micros = Math.max(0, (System.nanoTime() - intended) / 1000);
                        histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
                    }
                });
            }
        } finally {
            executor.shutdown();
            executor.awaitTermination(1, TimeUnit.MINUTES);
        }
        return new Result(histogram, errors.get(), total, Duration.ofNanos(System.nanoTime() - start));
    }
}
