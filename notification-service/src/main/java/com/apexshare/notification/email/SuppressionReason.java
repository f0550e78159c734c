package com.apexshare.notification.email;

/** Why an address is on the suppression list. */
public enum SuppressionReason {
    HARD_BOUNCE, COMPLAINT
}
