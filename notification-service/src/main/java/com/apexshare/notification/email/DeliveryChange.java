package com.apexshare.notification.email;

import java.time.Instant;

/**
 * A move of an email's delivery state, as announced.
 *
 * @param sequence   1 for the email's first delivery state, one more per move; consumers keep the highest
 * @param bounceType set for {@link DeliveryState#BOUNCED}, and for {@link DeliveryState#SUPPRESSED} after a hard bounce
 */
public record DeliveryChange(DeliveryState state, BounceType bounceType, int sequence, Instant reportedAt,
        String diagnostic, DeliverySource source) {

    /** Whether the trainer should be told and the address can no longer be used as it is. */
    public boolean needsTrainerAttention() {
        return state == DeliveryState.COMPLAINED || state == DeliveryState.SUPPRESSED
                || state == DeliveryState.REJECTED
                || (state == DeliveryState.BOUNCED && bounceType == BounceType.HARD);
    }

    /** Why the recipient's address goes on the suppression list, or null when it does not. */
    public SuppressionReason suppressionReason() {
        if (state == DeliveryState.COMPLAINED) {
            return SuppressionReason.COMPLAINT;
        }
        return state == DeliveryState.BOUNCED && bounceType == BounceType.HARD ? SuppressionReason.HARD_BOUNCE : null;
    }
}
