package com.apexshare.cli.upload;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Bytes sent of one file, updated by the part uploads as they stream, and the rate over the last few seconds (so a
 * stall shows quickly) from which the time left is estimated. Bytes already in S3 when a run resumes count as done
 * but not towards the rate.
 */
final class TransferProgress {

    /** The rate is measured over this window. */
    static final long WINDOW_NANOS = 5_000_000_000L;

    /** Progress at one moment: what the progress line shows. */
    record Snapshot(long done, long total, double bytesPerSecond, long elapsedNanos, int partsDone) {

        /** Seconds left at the current rate, or -1 when unknown. */
        long secondsLeft() {
            if (done >= total) {
                return 0;
            }
            return bytesPerSecond <= 0 ? -1 : (long) Math.ceil((total - done) / bytesPerSecond);
        }
    }

    private record Sample(long nanos, long done) {
    }

    private final long total;
    private final long resumed;
    private final AtomicLong done;
    private final AtomicInteger partsDone = new AtomicInteger();
    private final LongSupplier nanoTime;
    private final long start;
    private final Deque<Sample> samples = new ArrayDeque<>();

    /**
     * @param total   the file's size
     * @param resumed bytes already in S3 before this run
     */
    TransferProgress(long total, long resumed, LongSupplier nanoTime) {
        this.total = total;
        this.resumed = resumed;
        this.done = new AtomicLong(resumed);
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        samples.add(new Sample(start, resumed));
    }

    TransferProgress(long total, long resumed) {
        this(total, resumed, System::nanoTime);
    }

    /** Bytes read for sending (negative when a failed attempt's bytes are taken back). */
    void add(long bytes) {
        done.addAndGet(bytes);
    }

    void partDone() {
        partsDone.incrementAndGet();
    }

    long total() {
        return total;
    }

    long done() {
        return done.get();
    }

    /** Bytes sent in this run. */
    long sentThisRun() {
        return done.get() - resumed;
    }

    long elapsedNanos() {
        return nanoTime.getAsLong() - start;
    }

    /** Takes a sample and answers the progress with the rate over the last {@link #WINDOW_NANOS}. */
    synchronized Snapshot sample() {
        long now = nanoTime.getAsLong();
        long current = Math.min(done.get(), total);
        samples.addLast(new Sample(now, current));
        while (samples.size() > 2 && now - samples.peekFirst().nanos() > WINDOW_NANOS) {
            samples.removeFirst();
        }
        Sample oldest = samples.peekFirst();
        long span = now - oldest.nanos();
        double rate = span <= 0 ? 0 : (current - oldest.done()) * 1e9 / span;
        return new Snapshot(current, total, Math.max(rate, 0), now - start, partsDone.get());
    }

    /** The average rate of this run: for the summary. */
    double averageBytesPerSecond() {
        long elapsed = elapsedNanos();
        return elapsed <= 0 ? 0 : sentThisRun() * 1e9 / elapsed;
    }
}
