package com.apexshare.notification.email;

/** Why an email was given up; mirrors the {@code EmailFailureReason} of the events. */
public enum FailureReason {
    INVALID_RECIPIENT, RECIPIENT_REJECTED, CONTENT_REJECTED, RETRIES_EXHAUSTED, OTHER
}
