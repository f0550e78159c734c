package com.apexshare.notification.email;

/** Where a delivery report came from. */
public enum DeliverySource {
    /** An SES event (configuration set event destination through SNS). */
    SES_EVENT,
    /** A delivery status notification (or feedback report) read from the bounce mailbox. */
    SMTP_DSN,
    /** The send was skipped because the address is on the suppression list. */
    SUPPRESSION_LIST
}
