package com.apexshare.notification.email;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * Key of an owed email: kind and {@code ref} within the upload. {@code ref} is empty for the kinds sent at most once
 * (the first link email, the reminder, the trainer's email), the resend request's event id for a resend and the link
 * generation for a new-address email.
 */
public class EmailId implements Serializable {

    private static final long serialVersionUID = 2L;

    private UUID fileId;
    private EmailKind kind;
    private String ref;

    protected EmailId() {
        // for JPA
    }

    public EmailId(UUID fileId, EmailKind kind, String ref) {
        this.fileId = fileId;
        this.kind = kind;
        this.ref = ref == null ? "" : ref;
    }

    /** An email of a kind sent at most once per upload. */
    public EmailId(UUID fileId, EmailKind kind) {
        this(fileId, kind, "");
    }

    public UUID fileId() {
        return fileId;
    }

    public EmailKind kind() {
        return kind;
    }

    public String ref() {
        return ref;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmailId id && Objects.equals(fileId, id.fileId) && kind == id.kind
                && Objects.equals(ref, id.ref);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileId, kind, ref);
    }

    @Override
    public String toString() {
        return ref.isEmpty() ? kind + " of " + fileId : kind + " " + ref + " of " + fileId;
    }
}
