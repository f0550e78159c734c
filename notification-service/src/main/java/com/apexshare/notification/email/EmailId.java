package com.apexshare.notification.email;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Key of an owed email: at most one of each kind per upload. */
public class EmailId implements Serializable {

    private static final long serialVersionUID = 1L;

    private UUID fileId;
    private EmailKind kind;

    protected EmailId() {
        // for JPA
    }

    public EmailId(UUID fileId, EmailKind kind) {
        this.fileId = fileId;
        this.kind = kind;
    }

    public UUID fileId() {
        return fileId;
    }

    public EmailKind kind() {
        return kind;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmailId id && Objects.equals(fileId, id.fileId) && kind == id.kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileId, kind);
    }

    @Override
    public String toString() {
        return kind + " of " + fileId;
    }
}
