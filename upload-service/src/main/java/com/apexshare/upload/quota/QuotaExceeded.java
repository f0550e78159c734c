package com.apexshare.upload.quota;

import java.time.Duration;

/** A trainer has used up one of their quotas; the upload was not started. */
public class QuotaExceeded extends RuntimeException {

    private final Quota quota;
    private final long limit;
    private final Duration retryAfter;

    QuotaExceeded(Quota quota, long limit, Duration retryAfter) {
        super(message(quota, limit));
        this.quota = quota;
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    private static String message(Quota quota, long limit) {
        return switch (quota) {
            case UPLOADS_PER_HOUR -> "You have started " + limit + " uploads in the last hour, the most allowed";
            case BYTES_PER_DAY -> "Uploads started in the last 24 hours would exceed " + limit + " bytes, the most "
                    + "allowed";
            case STUDENTS_PER_HOUR -> "You have sent videos to " + limit + " different students in the last hour, the "
                    + "most allowed";
        };
    }

    public Quota quota() {
        return quota;
    }

    public long limit() {
        return limit;
    }

    /** When, at the earliest, the same upload would fit again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
