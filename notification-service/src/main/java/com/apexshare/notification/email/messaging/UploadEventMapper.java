package com.apexshare.notification.email.messaging;

import java.util.Locale;
import java.util.UUID;

import com.apexshare.events.LinkActivated;
import com.apexshare.events.StudentAddressChanged;
import com.apexshare.events.StudentEmailResent;
import com.apexshare.events.UploadDeleted;
import com.apexshare.events.link.LinkToken;
import com.apexshare.events.UploadInitiated;
import com.apexshare.notification.email.UploadDeletion;
import com.apexshare.notification.email.UploadFacts;

/** Avro events to the ledger's facts; a file id that is not a UUID is refused as a {@link MalformedUploadEvent}. */
final class UploadEventMapper {

    private UploadEventMapper() {
    }

    static UploadFacts initiated(UploadInitiated e) {
        return new UploadFacts(fileId(e.getFileId()), e.getOccurredAt(), e.getTrainerId(), e.getTrainerName(),
                e.getTrainerEmail(), e.getStudentEmail(), e.getStudentName(), e.getSessionDate(), e.getNotes(),
                e.getFileName(), e.getFileSize(), e.getRetentionUntil());
    }

    static UploadDeletion deleted(UploadDeleted e) {
        return new UploadDeletion(fileId(e.getFileId()), e.getReason().name(), e.getOccurredAt());
    }

    /** The parser's exception is not kept as the cause, so that logs and metrics name the fact, not the parser. */
    /** The confirmed link's hash, lower-case hex SHA-256 as every link hash is. */
    static String tokenSha256(LinkActivated e) {
        String hash = e.getLinkTokenSha256() == null ? "" : e.getLinkTokenSha256().toLowerCase(Locale.ROOT);
        if (!LinkToken.isSha256Hex(hash)) {
            throw new MalformedUploadEvent("LinkActivated of upload " + e.getFileId()
                    + ": linkTokenSha256 is not a SHA-256 in hex");
        }
        return hash;
    }

    /** A resend's request id, its event id: a redelivered request must find its email already owed. */
    static String requestId(StudentEmailResent e) {
        String id = e.getEventId();
        if (id == null || id.isBlank() || id.length() > 64 || id.indexOf('\0') >= 0) {
            throw new MalformedUploadEvent("StudentEmailResent of upload " + e.getFileId() + " has no usable eventId");
        }
        return id;
    }

    static int generation(StudentAddressChanged e) {
        if (e.getLinkGeneration() < 2) {
            throw new MalformedUploadEvent("StudentAddressChanged of upload " + e.getFileId()
                    + ": linkGeneration must be at least 2");
        }
        return e.getLinkGeneration();
    }

    static UUID fileId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedUploadEvent("fileId is not a UUID: " + text);
        }
    }
}
