package com.apexshare.notification.email;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import com.apexshare.notification.NotificationProperties;

/**
 * Keeps provider calls under {@code max-send-rate} for the whole deployment: each call reserves the next free slot
 * (one every {@code 1/rate} seconds) on a single row shared by all replicas, and waits for it. A caller that wakes up
 * well after its slot (a paused JVM, an overloaded host) takes a new slot instead of sending late, so that callers
 * delayed together cannot burst together.
 */
@Component
class SendPacer {

    private final SendSlots slots;
    private final Clock clock;
    private final long intervalMicros;
    private final long lateToleranceMicros;

    SendPacer(SendSlots slots, Clock clock, NotificationProperties properties) {
        this.slots = slots;
        this.clock = clock;
        this.intervalMicros = Math.max(1, Math.round(1_000_000 / properties.maxSendRate()));
        this.lateToleranceMicros = Math.max(intervalMicros / 2, 20_000);
    }

    /** Returns when this caller may start one provider call. */
    void awaitSlot() throws InterruptedException {
        while (true) {
            long now = micros(clock.instant());
            long slot = slots.reserve(now, intervalMicros);
            long wait = slot - now;
            if (wait > 0) {
                TimeUnit.MICROSECONDS.sleep(wait);
            }
            if (micros(clock.instant()) - slot <= lateToleranceMicros) {
                return;
            }
        }
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
