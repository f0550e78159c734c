package com.apexshare.notification.email;

/** Life of one owed email; see the {@code email} table. */
public enum EmailStatus {
    PENDING, SENDING, SENT, FAILED, CANCELLED,
    /** Not sent: the recipient's address is on the suppression list. */
    SUPPRESSED
}
