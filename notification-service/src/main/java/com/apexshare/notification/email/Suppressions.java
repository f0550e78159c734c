package com.apexshare.notification.email;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The suppression list: addresses that hard-bounced or complained, kept only as the SHA-256 of the normalised address
 * ({@link AddressHash}). No email goes to a listed address until it is lifted (the trainer corrected the address, or
 * an operator).
 */
public interface Suppressions {

    /** The reason the address is listed, if it is (and not lifted). */
    Optional<SuppressionReason> reasonFor(String address);

    /** Lists the address (again, if it was lifted); {@code fileId} names the upload whose email showed the problem. */
    void suppress(String address, SuppressionReason reason, UUID fileId, Instant at);

    /** Takes the address off the list; whether it was listed. */
    boolean lift(String address, Instant at);
}
