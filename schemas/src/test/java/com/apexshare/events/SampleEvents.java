package com.apexshare.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;

/** One valid instance of every event, for round-trip tests. */
public final class SampleEvents {

    private SampleEvents() {
    }

    public static List<SpecificRecord> oneOfEach(String fileId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return List.of(
                UploadInitiated.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now)
                        .setFileId(fileId).setTrainerId("trainer-1").setTrainerName("Tom Trainer")
                        .setTrainerEmail("tom@school.example").setStudentEmail("sue@student.example")
                        .setStudentName("Süe Étudiante").setSessionDate(LocalDate.of(2026, 11, 20))
                        .setNotes("Watch your line in turn 3").setFileName("GX010042.MP4")
                        .setOriginalFileName("GX010042.MP4").setFileSize(4_800_000_000L).setContentType("video/mp4")
                        .setBucket("apexshare-videos").setObjectKey("videos/2026-11-22/" + fileId + "-GX010042.MP4")
                        .setUploadMode(UploadMode.MULTIPART).setRetentionUntil(now.plus(30, ChronoUnit.DAYS)).build(),
                UploadCompleted.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now)
                        .setFileId(fileId).setBucket("apexshare-videos").setObjectKey("videos/x").setSize(42L)
                        .setETag("9b2cf535f27731c974343645a3985328-3").setSource(CompletionSource.S3_NOTIFICATION)
                        .build(),
                UploadDeleted.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now)
                        .setFileId(fileId).setReason(DeletionReason.RETENTION_EXPIRED).build(),
                EmailSent.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now).setFileId(fileId)
                        .setProviderMessageId("0100018c-ses-id").setSentAt(now)
                        .setLinkTokenSha256("a".repeat(64)).setLinkExpiresAt(now.plus(30, ChronoUnit.DAYS))
                        .setTransport(EmailTransport.SES).build(),
                EmailFailed.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now)
                        .setFileId(fileId).setReason(EmailFailureReason.RECIPIENT_REJECTED).setDetail(null).build(),
                EmailDeliveryReported.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now)
                        .setFileId(fileId).setState(EmailDeliveryState.BOUNCED).setSequence(2).setReportedAt(now)
                        .setBounceType(EmailBounceType.HARD).setSource(EmailDeliverySource.SES_EVENT)
                        .setDiagnostic("Permanent/General 5.1.1").build(),
                Downloaded.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now)
                        .setFileId(fileId).setDownloadId(UUID.randomUUID().toString()).setUserAgentFamily("Firefox")
                        .setChannel(DownloadChannel.REDIRECT).build(),
                LinkIssued.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now)
                        .setFileId(fileId).setLinkTokenSha256("b".repeat(64))
                        .setLinkExpiresAt(now.plus(30, ChronoUnit.DAYS)).build(),
                LinkActivated.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now)
                        .setFileId(fileId).setLinkTokenSha256("b".repeat(64)).build(),
                StudentEmailResent.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now)
                        .setFileId(fileId).setLinkGeneration(1).build(),
                StudentAddressChanged.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now)
                        .setFileId(fileId).setStudentEmail("sue.rider@student.example").setStudentName(null)
                        .setLinkGeneration(2).build(),
                UploadExpiryChanged.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now)
                        .setFileId(fileId).setExpiresAt(now.plus(40, ChronoUnit.DAYS))
                        .setPreviousExpiresAt(now.plus(30, ChronoUnit.DAYS)).setRevision(1).build(),
                LinkRevoked.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now)
                        .setFileId(fileId).setReason(LinkRevocationReason.TRAINER_REVOKED).build(),
                ReminderSettingChanged.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(now)
                        .setFileId(fileId).setRemindersEnabled(false).setRevision(1).build());
    }
}
