package com.apexshare.upload.upload;

import java.time.Duration;

/** The student's email was resent as often as the window allows; the resend was not made. */
public class ResendLimitReached extends RuntimeException {

    private final Duration retryAfter;

    public ResendLimitReached(int limit, Duration window, Duration retryAfter) {
        super("The email was already resent " + limit + " times in the last " + human(window)
                + "; try again later");
        this.retryAfter = retryAfter;
    }

    /** When, at the earliest, a resend would be allowed again. */
    public Duration retryAfter() {
        return retryAfter;
    }

    private static String human(Duration window) {
        long minutes = window.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60 == 1 ? "hour" : minutes / 60 + " hours") : minutes + " minutes";
    }
}
