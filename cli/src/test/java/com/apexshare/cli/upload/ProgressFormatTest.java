package com.apexshare.cli.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ProgressFormatTest {

    @Test
    void shouldWriteSizesInDecimalUnits() {
        // Given sizes from bytes to gigabytes, When written, Then with two decimals in the fitting unit
        assertThat(ProgressFormat.bytes(512)).isEqualTo("512 B");
        assertThat(ProgressFormat.bytes(1_500_000)).isEqualTo("1.50 MB");
        assertThat(ProgressFormat.bytes(4_012_345_678L)).isEqualTo("4.01 GB");
        assertThat(ProgressFormat.bytes(999_999)).isEqualTo("1.00 MB");
    }

    @Test
    void shouldWriteRatesAndTimesLeft() {
        // Given rates and durations, When written, Then short and readable
        assertThat(ProgressFormat.rate(38_500_000)).isEqualTo("38.5 MB/s");
        assertThat(ProgressFormat.duration(45)).isEqualTo("45s");
        assertThat(ProgressFormat.duration(185)).isEqualTo("3m05s");
        assertThat(ProgressFormat.duration(3720)).isEqualTo("1h02m");
        assertThat(ProgressFormat.duration(-1)).isEqualTo("--");
    }

    @Test
    void shouldNeverShow100PercentBeforeTheLastByte() {
        // Given nearly all bytes sent, When the percentage is written, Then 99 until the end
        assertThat(ProgressFormat.percent(999, 1000)).isEqualTo(99);
        assertThat(ProgressFormat.percent(1000, 1000)).isEqualTo(100);
        assertThat(ProgressFormat.percent(0, 0)).isEqualTo(100);
        assertThat(ProgressFormat.bar(50, 100, 10)).isEqualTo("[#####-----]");
    }

    @Test
    void shouldShowOneLineWithPercentBytesRateAndEta() {
        // Given a snapshot: 2.1 of 5 GB at 38.5 MB/s
        TransferProgress.Snapshot snapshot = new TransferProgress.Snapshot(2_100_000_000L, 5_000_000_000L,
                38_500_000, 0, 3);

        // When the line is written for a log and for a terminal
        String plain = ProgressFormat.line("GX010123.MP4", snapshot, false);
        String bar = ProgressFormat.line("GX010123.MP4", snapshot, true);

        // Then it shows everything; the terminal line adds a bar
        assertThat(plain).isEqualTo("GX010123.MP4              42%  2.10 GB / 5.00 GB  38.5 MB/s  ETA 1m16s");
        assertThat(bar).contains("[########------------]  42%");
    }

    @Test
    void shouldShortenLongNamesInTheMiddle() {
        // Given a long name, When fitted to 11 characters, Then its start and end stay
        assertThat(ProgressFormat.fit("a-very-long-name.mp4", 11)).isEqualTo("a-ver~e.mp4");
        assertThat(ProgressFormat.fit("short", 7)).isEqualTo("short  ");
    }

    @Test
    void shouldMeasureTheRateOverTheLastSecondsAndExcludeResumedBytes() {
        // Given a 100 MB file of which 40 MB were in S3 already, and a clock under the test's control
        AtomicLong now = new AtomicLong(0);
        TransferProgress progress = new TransferProgress(100_000_000, 40_000_000, now::get);

        // When 10 MB go in the first second and nothing in the next six
        now.set(1_000_000_000L);
        progress.add(10_000_000);
        TransferProgress.Snapshot fast = progress.sample();
        now.set(7_000_000_000L);
        TransferProgress.Snapshot stalled = progress.sample();

        // Then the rate is 10 MB/s with 5 s left, and the stall shows as a falling rate
        assertThat(fast.done()).isEqualTo(50_000_000);
        assertThat(fast.bytesPerSecond()).isEqualTo(10_000_000);
        assertThat(fast.secondsLeft()).isEqualTo(5);
        assertThat(stalled.bytesPerSecond()).isLessThan(2_000_000);
        assertThat(progress.sentThisRun()).isEqualTo(10_000_000);
    }

    @Test
    void shouldNotKnowTheTimeLeftBeforeAnyByteMoved() {
        // Given no byte sent yet, When sampled, Then the time left is unknown
        TransferProgress progress = new TransferProgress(100, 0, () -> 0L);
        assertThat(progress.sample().secondsLeft()).isEqualTo(-1);
    }
}
