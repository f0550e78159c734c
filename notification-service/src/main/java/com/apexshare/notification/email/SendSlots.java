package com.apexshare.notification.email;

/** The one send-rate slot row every replica reserves from ({@code send_pacer}). */
public interface SendSlots {

    /**
     * Reserves the next free slot: {@code max(next, now)}, and moves the next free slot {@code intervalMicros} on.
     *
     * @return the reserved slot, epoch microseconds
     */
    long reserve(long nowMicros, long intervalMicros);
}
