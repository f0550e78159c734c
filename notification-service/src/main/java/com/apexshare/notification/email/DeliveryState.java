package com.apexshare.notification.email;

/**
 * What became of a sent email, as far as the provider or the receiving server told us; {@code null} on an email while
 * nothing has been reported (the dashboard shows it as sent). The order of the constants is not the precedence: see
 * {@link Email#report}.
 */
public enum DeliveryState {
    /** The receiving server has not taken it yet; the provider keeps trying. */
    DELAYED,
    /** The receiving server accepted it. */
    DELIVERED,
    /** It came back: {@link BounceType#HARD} is final and suppresses the address, the others are not. */
    BOUNCED,
    /** The recipient marked it as spam: final, the address is suppressed. */
    COMPLAINED,
    /** The provider refused to send it (e.g. a virus found): final. */
    REJECTED,
    /** Never sent: the address is on the suppression list. */
    SUPPRESSED
}
