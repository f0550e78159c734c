package com.apexshare.download.link.messaging;

import java.util.Locale;
import java.util.UUID;

import com.apexshare.download.link.UploadView;
import com.apexshare.events.EmailSent;
import com.apexshare.events.LinkIssued;
import com.apexshare.events.LinkRevoked;
import com.apexshare.events.StudentAddressChanged;
import com.apexshare.events.UploadCompleted;
import com.apexshare.events.UploadDeleted;
import com.apexshare.events.UploadExpiryChanged;
import com.apexshare.events.UploadInitiated;
import com.apexshare.events.link.LinkToken;

/**
 * Avro events to the view's facts. Anything the view could never store is refused here as a
 * {@link MalformedUploadEvent}: retried, it would hold its partition forever.
 */
final class UploadEventMapper {

    private UploadEventMapper() {
    }

    static UploadView.InitiatedUpload initiated(UploadInitiated e) {
        return new UploadView.InitiatedUpload(fileId(e.getFileId()), e.getOccurredAt(),
                text("trainerName", e.getTrainerName()), e.getSessionDate(), text("notes", e.getNotes()),
                text("fileName", e.getFileName()), text("contentType", e.getContentType()), e.getFileSize(),
                text("bucket", e.getBucket()), text("objectKey", e.getObjectKey()), e.getRetentionUntil());
    }

    static UploadView.CompletedUpload completed(UploadCompleted e) {
        return new UploadView.CompletedUpload(fileId(e.getFileId()), e.getOccurredAt(), text("bucket", e.getBucket()),
                text("objectKey", e.getObjectKey()), e.getSize(), text("eTag", e.getETag()));
    }

    static UploadView.DeletedUpload deleted(UploadDeleted e) {
        return new UploadView.DeletedUpload(fileId(e.getFileId()), e.getOccurredAt(), e.getReason().name());
    }

    static UploadView.SentLink linkSent(EmailSent e) {
        String hash = e.getLinkTokenSha256().toLowerCase(Locale.ROOT);
        if (!LinkToken.isSha256Hex(hash)) {
            throw new MalformedUploadEvent("EmailSent of upload " + e.getFileId()
                    + ": linkTokenSha256 is not a SHA-256 in hex");
        }
        return new UploadView.SentLink(fileId(e.getFileId()), hash, e.getSentAt(), e.getLinkExpiresAt(), false,
                Math.max(1, e.getLinkGeneration()));
    }

    /** A link notification-service minted and will e-mail once this service confirms it ({@code LinkActivated}). */
    static UploadView.SentLink linkIssued(LinkIssued e) {
        String hash = e.getLinkTokenSha256().toLowerCase(Locale.ROOT);
        if (!LinkToken.isSha256Hex(hash)) {
            throw new MalformedUploadEvent("LinkIssued of upload " + e.getFileId()
                    + ": linkTokenSha256 is not a SHA-256 in hex");
        }
        return new UploadView.SentLink(fileId(e.getFileId()), hash, e.getOccurredAt(), e.getLinkExpiresAt(), true,
                Math.max(1, e.getLinkGeneration()));
    }

    static UploadView.ExpiryChange expiryChanged(UploadExpiryChanged e) {
        return new UploadView.ExpiryChange(fileId(e.getFileId()), e.getExpiresAt(), e.getRevision());
    }

    static UploadView.Revocation linksRevoked(LinkRevoked e) {
        return new UploadView.Revocation(fileId(e.getFileId()), e.getOccurredAt());
    }

    /** Only the generation: the new address is none of this service's business. */
    static UploadView.AddressChange addressChanged(StudentAddressChanged e) {
        return new UploadView.AddressChange(fileId(e.getFileId()), e.getLinkGeneration());
    }

    /**
     * The canonical text form only: the file id is also every event's key, so it must read the same everywhere. The
     * parser's exception is not kept as the cause, so that logs and metrics name the fact, not the parser.
     */
    private static UUID fileId(String text) {
        UUID id;
        try {
            id = UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedUploadEvent("fileId is not a UUID: " + text);
        }
        if (!id.toString().equalsIgnoreCase(text)) {
            throw new MalformedUploadEvent("fileId is not a UUID in canonical form: " + text);
        }
        return id;
    }

    /** PostgreSQL text cannot hold NUL characters. */
    private static String text(String field, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw new MalformedUploadEvent(field + " contains a NUL character");
        }
        return value;
    }
}
