package com.apexshare.notification.email;

/** How final a bounce is. */
public enum BounceType {
    /** Permanent: the address does not exist or the domain refuses mail. Suppresses the address. */
    HARD,
    /** Transient (mailbox full, a server down) and the provider gave up. The address stays usable. */
    SOFT,
    /** The provider could not tell; treated like a soft bounce. */
    UNDETERMINED
}
