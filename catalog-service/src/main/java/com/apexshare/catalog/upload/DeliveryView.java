package com.apexshare.catalog.upload;

import java.time.Instant;

/**
 * Whether the student's email arrived, as far as the mail provider told.
 *
 * @param state      SENT (accepted, nothing reported since), DELAYED, DELIVERED, BOUNCED, COMPLAINED, REJECTED or
 *                   SUPPRESSED (never sent: the address hard-bounced or complained before)
 * @param at         when that happened
 * @param bounceType HARD, SOFT or UNDETERMINED when BOUNCED (HARD when SUPPRESSED after a hard bounce); else null
 */
public record DeliveryView(String state, Instant at, String bounceType) {
}
