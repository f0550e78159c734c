package com.apexshare.upload.upload.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.apexshare.events.DeletionReason;
import com.apexshare.events.LinkRevocationReason;
import com.apexshare.events.LinkRevoked;
import com.apexshare.events.ReminderSettingChanged;
import com.apexshare.events.StudentAddressChanged;
import com.apexshare.events.StudentEmailResent;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadDeleted;
import com.apexshare.events.UploadExpiryChanged;
import com.apexshare.platform.outbox.Outbox;
import com.apexshare.upload.upload.ActionEvents;
import com.apexshare.upload.upload.ExpiryChange;

/**
 * The trainer actions' events as Avro in the platform's outbox, inside the caller's transaction: the session's change
 * and its event commit together; the relay publishes them oldest first (at least once, same {@code eventId}).
 */
@Component
class OutboxActionEvents implements ActionEvents {

    private final Outbox outbox;

    OutboxActionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void resent(UUID fileId, int linkGeneration, Instant at) {
        outbox.append(Topics.STUDENT_EMAIL_RESENT, fileId, StudentEmailResent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(at)
                .setFileId(fileId.toString())
                .setLinkGeneration(linkGeneration)
                .build());
    }

    @Override
    public void addressChanged(UUID fileId, String studentEmail, String studentName, int linkGeneration, Instant at) {
        outbox.append(Topics.STUDENT_ADDRESS_CHANGED, fileId, StudentAddressChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(at)
                .setFileId(fileId.toString())
                .setStudentEmail(studentEmail)
                .setStudentName(studentName)
                .setLinkGeneration(linkGeneration)
                .build());
    }

    @Override
    public void expiryChanged(ExpiryChange change, Instant at) {
        outbox.append(Topics.UPLOAD_EXPIRY_CHANGED, change.fileId(), UploadExpiryChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(at)
                .setFileId(change.fileId().toString())
                .setExpiresAt(change.expiresAt())
                .setPreviousExpiresAt(change.previousExpiresAt())
                .setRevision(change.revision())
                .build());
    }

    @Override
    public void linksRevoked(UUID fileId, Instant at) {
        outbox.append(Topics.LINK_REVOKED, fileId, LinkRevoked.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(at)
                .setFileId(fileId.toString())
                .setReason(LinkRevocationReason.TRAINER_REVOKED)
                .build());
    }

    @Override
    public void remindersChanged(UUID fileId, boolean enabled, long revision, Instant at) {
        outbox.append(Topics.REMINDER_SETTING_CHANGED, fileId, ReminderSettingChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(at)
                .setFileId(fileId.toString())
                .setRemindersEnabled(enabled)
                .setRevision(revision)
                .build());
    }

    @Override
    public void deleted(UUID fileId, Instant at) {
        outbox.append(Topics.UPLOAD_DELETED, fileId, UploadDeleted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(at)
                .setFileId(fileId.toString())
                .setReason(DeletionReason.TRAINER_DELETED)
                .build());
    }
}
