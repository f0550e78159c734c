package com.apexshare.upload.quota;

import java.time.Duration;

/** The quotas a trainer has, each over a sliding window. */
public enum Quota {

    /** Uploads started in the last hour. */
    UPLOADS_PER_HOUR(Duration.ofHours(1)),
    /** Bytes declared by uploads started in the last 24 hours. */
    BYTES_PER_DAY(Duration.ofDays(1)),
    /** Distinct student addresses of uploads started in the last hour. */
    STUDENTS_PER_HOUR(Duration.ofHours(1));

    /** The longest window: usage older than this counts for nothing. */
    static final Duration LONGEST_WINDOW = Duration.ofDays(1);

    private final Duration window;

    Quota(Duration window) {
        this.window = window;
    }

    public Duration window() {
        return window;
    }
}
