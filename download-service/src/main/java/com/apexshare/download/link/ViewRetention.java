package com.apexshare.download.link;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the view's records of uploads some time after they ended (deleted, or past their retention end), so that
 * the service keeps no record longer than the product's retention rules allow. During the grace period their links
 * still answer 410 Gone with a clear message; afterwards they are unknown (404). Links parked for an upload that never
 * became known and complete are dropped after the park limit.
 */
public class ViewRetention {

    private static final Logger LOG = LoggerFactory.getLogger(ViewRetention.class);

    private final UploadView view;
    private final Clock clock;
    private final Duration grace;
    private final Duration parkLimit;

    public ViewRetention(UploadView view, Clock clock, Duration grace, Duration parkLimit) {
        this.view = view;
        this.clock = clock;
        this.grace = grace;
        this.parkLimit = parkLimit;
    }

    /** One run; every replica may run it, the deletes are idempotent. */
    public int purge() {
        Instant now = clock.instant();
        int forgotten = view.forgetEndedBefore(now.minus(grace));
        if (forgotten > 0) {
            LOG.info("Forgot {} uploads that ended more than {} ago", forgotten, grace);
        }
        int dropped = view.dropParkedBefore(now.minus(parkLimit));
        if (dropped > 0) {
            LOG.warn("Dropped {} links whose upload did not become known and complete within {}", dropped, parkLimit);
        }
        return forgotten;
    }

    void runScheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warn("View retention run failed; retrying at the next run: {}", e.toString());
        }
    }
}
