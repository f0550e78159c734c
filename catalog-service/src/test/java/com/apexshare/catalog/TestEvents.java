package com.apexshare.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.apexshare.events.CompletionSource;
import com.apexshare.events.DeletionReason;
import com.apexshare.events.DownloadChannel;
import com.apexshare.events.Downloaded;
import com.apexshare.events.EmailBounceType;
import com.apexshare.events.EmailDeliveryReported;
import com.apexshare.events.EmailDeliverySource;
import com.apexshare.events.EmailDeliveryState;
import com.apexshare.events.EmailFailed;
import com.apexshare.events.EmailFailureReason;
import com.apexshare.events.EmailSent;
import com.apexshare.events.EmailTransport;
import com.apexshare.events.UploadCompleted;
import com.apexshare.events.UploadDeleted;
import com.apexshare.events.UploadInitiated;
import com.apexshare.events.UploadMode;

/** Events as the other services publish them, with test defaults. */
public final class TestEvents {

    public static final String BUCKET = "apexshare-videos";

    private TestEvents() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static UploadInitiated.Builder initiated(String fileId, String trainerId, Instant at) {
        return UploadInitiated.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                .setFileId(fileId).setTrainerId(trainerId).setTrainerName("Tom Trainer")
                .setTrainerEmail("tom@school.example").setStudentEmail("sue@student.example")
                .setStudentName("Sue Student").setSessionDate(LocalDate.of(2026, 5, 14))
                .setNotes("Watch your line in turn 3").setFileName("GX010042.MP4")
                .setOriginalFileName("GX010042.MP4").setFileSize(4_800_000_000L).setContentType("video/mp4")
                .setBucket(BUCKET).setObjectKey("videos/2026-05-14/" + fileId + "-GX010042.MP4")
                .setUploadMode(UploadMode.MULTIPART).setRetentionUntil(at.plus(Duration.ofDays(30)));
    }

    public static UploadCompleted completed(String fileId, Instant at, long size, CompletionSource source) {
        return UploadCompleted.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                .setFileId(fileId).setBucket(BUCKET).setObjectKey("videos/2026-05-14/" + fileId + "-GX010042.MP4")
                .setSize(size).setETag("9b2cf535f27731c974343645a3985328-3").setSource(source).build();
    }

    public static UploadDeleted deleted(String fileId, Instant at, DeletionReason reason) {
        return UploadDeleted.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                .setFileId(fileId).setReason(reason).build();
    }

    public static EmailSent emailSent(String fileId, Instant at) {
        return EmailSent.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at).setFileId(fileId)
                .setProviderMessageId("msg-" + UUID.randomUUID()).setSentAt(at).setLinkTokenSha256("a".repeat(64))
                .setLinkExpiresAt(at.plus(Duration.ofDays(30))).setTransport(EmailTransport.SMTP).build();
    }

    public static EmailFailed emailFailed(String fileId, Instant at) {
        return EmailFailed.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at).setFileId(fileId)
                .setReason(EmailFailureReason.RECIPIENT_REJECTED).setDetail("mailbox unavailable").build();
    }

    /** A delivery report as notification-service publishes it. */
    public static EmailDeliveryReported delivery(String fileId, EmailDeliveryState state, int sequence, Instant at,
            EmailBounceType bounceType) {
        return EmailDeliveryReported.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                .setFileId(fileId).setState(state).setSequence(sequence).setReportedAt(at).setBounceType(bounceType)
                .setSource(EmailDeliverySource.SES_EVENT).setDiagnostic(null).build();
    }

    public static Downloaded downloaded(String fileId, String downloadId, Instant at) {
        return Downloaded.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at).setFileId(fileId)
                .setDownloadId(downloadId).setUserAgentFamily("Firefox").setChannel(DownloadChannel.REDIRECT).build();
    }
}
