package com.apexshare.download.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.apexshare.download.DownloadServiceTestSupport;
import com.apexshare.events.DeletionReason;
import com.apexshare.events.EmailPurpose;
import com.apexshare.events.LinkRevocationReason;
import com.apexshare.events.LinkRevoked;
import com.apexshare.events.StudentAddressChanged;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadExpiryChanged;

/**
 * The trainer's actions as the student's link sees them: a revoked link and the old address's link answer 410 on the
 * redirect, the JSON API and the page's info; an expiry change applies to every link of the upload.
 */
class TrainerActionLinksIntegrationTest extends DownloadServiceTestSupport {

    @Test
    void shouldAnswerGoneOnEveryEndpointOnceTheTrainerRevokedTheLinks() throws Exception {
        // Given a working link
        LinkFixture.Upload upload = fixture.ready("revoked.mp4", LinkFixture.randomBytes(1024));
        String client = freshClientAddress();
        awaitStatus("/d/" + upload.token(), client, 302);

        // When the trainer revokes the links (the event delivered twice)
        revoke(upload);
        revoke(upload);

        // Then the link answers 410 LINK_REVOKED on the redirect, the API and the page's info
        HttpResponse<String> redirect = awaitStatus("/d/" + upload.token(), client, 410);
        assertThat(redirect.body()).contains("\"code\":\"LINK_REVOKED\"");
        assertThat(get("/api/v1/downloads/" + upload.token(), client).statusCode()).isEqualTo(410);
        HttpResponse<String> info = get("/api/v1/downloads/" + upload.token() + "/info", client);
        assertThat(info.statusCode()).isEqualTo(410);
        assertThat(info.body()).contains("\"code\":\"LINK_REVOKED\"");
    }

    @Test
    void shouldRevokeTheOldAddressLinkAndKeepTheNewOneWhateverTheOrder() throws Exception {
        // Given a working link of generation 1
        LinkFixture.Upload upload = fixture.ready("moved.mp4", LinkFixture.randomBytes(1024));
        String client = freshClientAddress();
        awaitStatus("/d/" + upload.token(), client, 302);
        String newToken = LinkFixture.newToken();

        // When the new address's email (generation 2) arrives before the address change itself
        fixture.publish(Topics.EMAIL_SENT.name(), upload.fileId(), LinkFixture.emailSentEvent(upload)
                .setLinkTokenSha256(LinkFixture.sha256(newToken)).setLinkGeneration(2)
                .setPurpose(EmailPurpose.ADDRESS_CHANGED).build());
        awaitStatus("/d/" + newToken, client, 302);
        fixture.publish(Topics.STUDENT_ADDRESS_CHANGED.name(), upload.fileId(), StudentAddressChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(now()).setFileId(upload.fileId().toString())
                .setStudentEmail("sam.new@student.example").setStudentName(null).setLinkGeneration(2).build());

        // Then the old link answers 410 LINK_REVOKED and the new one still works
        HttpResponse<String> old = awaitStatus("/d/" + upload.token(), client, 410);
        assertThat(old.body()).contains("\"code\":\"LINK_REVOKED\"");
        assertThat(get("/d/" + newToken, client).statusCode()).isEqualTo(302);
        assertThat(get("/api/v1/downloads/" + upload.token() + "/info", client).statusCode()).isEqualTo(410);
    }

    @Test
    void shouldApplyAnExpiryChangeToEveryLinkOfTheUpload() throws Exception {
        // Given a link that expired a minute ago and one of another upload that works
        LinkFixture.Upload extended = fixture.upload("extended.mp4", LinkFixture.randomBytes(1024),
                now().minus(1, ChronoUnit.MINUTES));
        fixture.store(extended);
        fixture.initiated(extended);
        fixture.completed(extended);
        fixture.emailSent(extended);
        LinkFixture.Upload shortened = fixture.ready("shortened.mp4", LinkFixture.randomBytes(1024));
        String client = freshClientAddress();
        awaitStatus("/d/" + extended.token(), client, 410);
        awaitStatus("/d/" + shortened.token(), client, 302);

        // When the trainer extends the first by a day and shortens the second to a time already past; then an
        // older change of the first arrives late
        Instant tomorrow = now().plus(1, ChronoUnit.DAYS);
        expiryChanged(extended, tomorrow, 2);
        expiryChanged(shortened, now().minus(1, ChronoUnit.SECONDS), 1);
        expiryChanged(extended, now().minus(2, ChronoUnit.DAYS), 1);

        // Then the first works again until the new end, the second answers 410 LINK_EXPIRED
        awaitStatus("/d/" + extended.token(), client, 302);
        HttpResponse<String> info = get("/api/v1/downloads/" + extended.token() + "/info", client);
        assertThat(info.body()).contains(tomorrow.toString());
        HttpResponse<String> gone = awaitStatus("/d/" + shortened.token(), client, 410);
        assertThat(gone.body()).contains("\"code\":\"LINK_EXPIRED\"");
    }

    @Test
    void shouldAnswerGoneOnceTheTrainerDeletedTheUpload() throws Exception {
        // Given a working link
        LinkFixture.Upload upload = fixture.ready("deleted.mp4", LinkFixture.randomBytes(1024));
        String client = freshClientAddress();
        awaitStatus("/d/" + upload.token(), client, 302);

        // When the trainer deletes the upload
        fixture.deleted(upload, DeletionReason.TRAINER_DELETED);

        // Then its link answers 410 VIDEO_REMOVED
        HttpResponse<String> response = awaitStatus("/d/" + upload.token(), client, 410);
        assertThat(response.body()).contains("\"code\":\"VIDEO_REMOVED\"");
    }

    private static void revoke(LinkFixture.Upload upload) {
        fixture.publish(Topics.LINK_REVOKED.name(), upload.fileId(), LinkRevoked.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(now()).setFileId(upload.fileId().toString())
                .setReason(LinkRevocationReason.TRAINER_REVOKED).build());
    }

    private static void expiryChanged(LinkFixture.Upload upload, Instant end, long revision) {
        fixture.publish(Topics.UPLOAD_EXPIRY_CHANGED.name(), upload.fileId(), UploadExpiryChanged.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setOccurredAt(now()).setFileId(upload.fileId().toString())
                .setExpiresAt(end).setPreviousExpiresAt(upload.retentionUntil()).setRevision(revision).build());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
