package com.apexshare.notification.email;

import java.util.UUID;

/** A due email reserved for this replica: still {@code PENDING}, invisible to other dispatchers until the lease ends. */
public record EmailLease(UUID fileId, EmailKind kind, String ref, UUID leaseId) {

    public EmailLease(UUID fileId, EmailKind kind, UUID leaseId) {
        this(fileId, kind, "", leaseId);
    }

    public EmailId id() {
        return new EmailId(fileId, kind, ref);
    }
}
