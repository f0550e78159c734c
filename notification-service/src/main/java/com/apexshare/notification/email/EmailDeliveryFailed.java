package com.apexshare.notification.email;

import java.util.regex.Pattern;

/**
 * The provider did not accept an email. Transient failures (throttling, 5xx, timeouts, SMTP 4xx) are retried with
 * backoff; permanent ones (invalid or rejected recipient, rejected content) are recorded and never retried.
 */
public class EmailDeliveryFailed extends Exception {

    private static final long serialVersionUID = 1L;
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:\\[\\]]+@[^\\s<>\"'(),;:\\[\\]]+");
    private static final int MAX_DETAIL = 500;

    private final boolean permanent;
    private final FailureReason reason;

    private EmailDeliveryFailed(boolean permanent, FailureReason reason, String detail, Throwable cause) {
        super(redact(detail), cause, false, false);
        this.permanent = permanent;
        this.reason = reason;
    }

    public static EmailDeliveryFailed transientFailure(String detail, Throwable cause) {
        return new EmailDeliveryFailed(false, FailureReason.OTHER, detail, cause);
    }

    public static EmailDeliveryFailed permanentFailure(FailureReason reason, String detail, Throwable cause) {
        return new EmailDeliveryFailed(true, reason, detail, cause);
    }

    public boolean permanent() {
        return permanent;
    }

    /** Class of a permanent failure ({@code OTHER} for transient ones). */
    public FailureReason reason() {
        return reason;
    }

    /**
     * Provider messages often quote the recipient; this text goes to logs, the table and the {@code EmailFailed}
     * event, none of which may carry an email address.
     */
    public static String redact(String text) {
        if (text == null) {
            return "no detail";
        }
        String redacted = ADDRESS.matcher(text).replaceAll("<address>").replaceAll("[\\r\\n\\t]+", " ");
        return redacted.length() <= MAX_DETAIL ? redacted : redacted.substring(0, MAX_DETAIL);
    }
}
