package com.apexshare.cli.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.apexshare.cli.CliRunner;
import com.apexshare.cli.UploadApiServer;

/**
 * The trainer-action commands and {@code student} against the API served in the test (on top of the real S3): each
 * calls its endpoint with the right body, prints where the upload stands, and reports refusals clearly.
 */
class TrainerActionsCommandIntegrationTest {

    private static final String TOKEN = "trainer-token-actions";

    @TempDir
    Path dir;

    private UploadApiServer api;
    private CliRunner cli;

    @BeforeEach
    void startApi() {
        api = UploadApiServer.start(TOKEN);
        cli = new CliRunner(dir.resolve("home")).api(api.url(), TOKEN);
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void shouldResendThreeTimesThenReportTheLimit() throws IOException {
        // Given an uploaded clip
        String fileId = upload("resend.mp4", "ann@example.com");

        // When the email is resent four times
        CliRunner.Run first = cli.run("resend", fileId);
        cli.run("resend", fileId);
        cli.run("resend", fileId);
        CliRunner.Run fourth = cli.run("resend", fileId);

        // Then three went out and the fourth is refused with the API's reason (exit 1)
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith(fileId + ": email resent").contains("reminder on");
        assertThat(fourth.exitCode()).isEqualTo(1);
        assertThat(fourth.err()).contains("apexshare resend: too many requests, try again in a moment: "
                + "The email was already resent 3 times in the last hour");
        assertThat(api.actions).containsExactly("resend " + fileId, "resend " + fileId, "resend " + fileId);
    }

    @Test
    void shouldChangeTheAddressAndShowAFieldErrorForABadOne() throws IOException {
        // Given an uploaded clip
        String fileId = upload("typo.mp4", "bo@exmaple.com");

        // When the address is corrected, once badly and once well
        CliRunner.Run bad = cli.run("change-address", fileId, "--student-email", "bo-at-example");
        CliRunner.Run good = cli.run("change-address", fileId, "--student-email", "bo@example.com",
                "--student-name", "Bo Chan");

        // Then the bad one shows the field error, the good one reached the API with the new name
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("studentEmail: must be a valid email address");
        assertThat(good.exitCode()).as(good.err()).isZero();
        assertThat(good.out()).startsWith(fileId + ": address changed, new link sent");
        assertThat(api.actions).containsExactly("student-address " + fileId + " bo@example.com Bo Chan");
    }

    @Test
    void shouldMoveTheExpiryByDaysOrToADate() throws IOException {
        // Given an uploaded clip
        String fileId = upload("expiry.mp4", "cy@example.com");
        String date = Instant.now().plus(Duration.ofDays(20)).toString().substring(0, 10);

        // When the expiry is set 10 days ahead, then to the end of a date, then too far
        CliRunner.Run days = cli.run("expiry", fileId, "--days", "10");
        CliRunner.Run until = cli.run("expiry", fileId, "--until", date);
        CliRunner.Run tooFar = cli.run("expiry", fileId, "--days", "45");
        CliRunner.Run neither = cli.run("expiry", fileId);

        // Then the API got both times, the last valid one is shown; too far is the API's field error, none a usage
        // error
        assertThat(days.exitCode()).as(days.err()).isZero();
        Instant tenDays = Instant.parse(api.actions.get(0).split(" ")[2]);
        assertThat(tenDays).isBetween(Instant.now().plus(Duration.ofDays(10)).minus(Duration.ofMinutes(5)),
                Instant.now().plus(Duration.ofDays(10)));
        assertThat(until.out()).contains("expires " + date + "T23:59:59Z");
        assertThat(tooFar.exitCode()).isEqualTo(1);
        assertThat(tooFar.err()).contains("expiresAt: must be at most 30 days from now");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(api.upload(fileId).expiresAt).isEqualTo(Instant.parse(date + "T23:59:59Z"));
    }

    @Test
    void shouldAskForConfirmationBeforeRevokingOrDeleting() throws IOException {
        // Given an uploaded clip
        String fileId = upload("gone.mp4", "dee@example.com");

        // When revoke and delete run without --yes, then with it, then an action after the delete
        CliRunner.Run unconfirmedRevoke = cli.run("revoke", fileId);
        CliRunner.Run unconfirmedDelete = cli.run("delete", fileId);
        CliRunner.Run revoked = cli.run("revoke", fileId, "--yes");
        CliRunner.Run deleted = cli.run("delete", fileId, "--yes");
        CliRunner.Run afterwards = cli.run("reminders", fileId, "off");

        // Then nothing happened without --yes (usage error), both happened with it, and the API's conflict shows
        assertThat(unconfirmedRevoke.exitCode()).isEqualTo(2);
        assertThat(unconfirmedRevoke.err()).contains("revoke cannot be undone: add --yes to confirm");
        assertThat(unconfirmedDelete.exitCode()).isEqualTo(2);
        assertThat(revoked.out()).startsWith(fileId + ": links revoked; expires").doesNotContain("; links revoked");
        assertThat(deleted.out()).startsWith(fileId + ": deleted; status DELETED");
        assertThat(afterwards.exitCode()).isEqualTo(1);
        assertThat(afterwards.err()).contains("apexshare reminders: The upload was deleted");
        assertThat(api.actions).containsExactly("revoke " + fileId, "delete " + fileId);
    }

    @Test
    void shouldSwitchTheReminderOffAndOn() throws IOException {
        // Given an uploaded clip
        String fileId = upload("remind.mp4", "eve@example.com");

        // When its reminder is switched off, on, and to something else
        CliRunner.Run off = cli.run("reminders", fileId, "off");
        CliRunner.Run on = cli.run("reminders", fileId, "on");
        CliRunner.Run maybe = cli.run("reminders", fileId, "maybe");

        // Then the API got both settings; a wrong one is a usage error
        assertThat(off.out()).startsWith(fileId + ": reminder switched off");
        assertThat(on.out()).startsWith(fileId + ": reminder switched on");
        assertThat(maybe.exitCode()).isEqualTo(2);
        assertThat(api.actions).containsExactly("reminders " + fileId + " false", "reminders " + fileId + " true");
    }

    @Test
    void shouldListEveryUploadOfOneStudentWithTheirTotals() throws IOException {
        // Given two clips for one student (one address with a plus) and one for another
        String first = upload("one.mp4", "fay+ride@example.com");
        String second = upload("two.mp4", "fay+ride@example.com");
        upload("other.mp4", "gus@example.com");

        // When the student's uploads are listed, and those of an unknown student
        CliRunner.Run run = cli.run("student", "Fay+Ride@example.com");
        CliRunner.Run unknown = cli.run("student", "nobody@example.com");

        // Then both of theirs show newest first under their totals; the address travelled encoded
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().split("\\R");
        assertThat(lines[0]).isEqualTo("Student fay+ride@example.com <fay+ride@example.com>: 2 upload(s), 0 "
                + "download(s), 2 not downloaded; sessions 2024-05-31 to 2024-05-31");
        assertThat(lines[1]).startsWith("FILE").contains("SESSION").contains("EXPIRES");
        assertThat(lines[2]).contains("two.mp4").contains(second);
        assertThat(lines[3]).contains("one.mp4").contains(first);
        assertThat(lines).hasSize(4);
        assertThat(api.studentRequests).first().isEqualTo("/api/v1/students/Fay%2BRide%40example.com/uploads");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("You have no uploads for this student");
    }

    private String upload(String name, String email) throws IOException {
        Path file = Files.write(dir.resolve(name), new byte[1000]);
        CliRunner.Run run = cli.run("upload", file.toString(), "--student-email", email, "--student-name",
                "Student " + email, "--session-date", "2024-05-31", "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return api.uploads().stream().filter(u -> u.metadata.get("fileName").equals(name)).findFirst().orElseThrow()
                .fileId;
    }
}
