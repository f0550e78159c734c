package com.apexshare.notification.email;

/** Life of one owed email; see the {@code email} table. */
public enum EmailStatus {
    PENDING, SENDING, SENT, FAILED, CANCELLED
}
