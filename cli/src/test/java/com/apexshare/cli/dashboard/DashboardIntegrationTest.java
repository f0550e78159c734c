package com.apexshare.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.apexshare.cli.CliRunner;
import com.apexshare.cli.UploadApiServer;

/** {@code recent}, {@code status} and {@code abort} against the API served in the test on top of the real S3. */
class DashboardIntegrationTest {

    private static final String TOKEN = "trainer-token-2";

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
    void shouldListRecentUploadsAsATableWithTheNextPage() throws IOException {
        // Given two uploaded clips
        upload("first.mp4", "Ann Lee", "ann@example.com");
        upload("second.mov", "Bo Chan", "bo@example.com");

        // When the first page of one row is listed
        CliRunner.Run run = cli.run("recent", "--limit", "1");

        // Then it shows the newest with its student, size, email state and downloads, and how to see more
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().split("\\R");
        assertThat(lines[0]).startsWith("FILE").contains("STUDENT").contains("SESSION").contains("SIZE")
                .contains("EMAIL").contains("DOWNLOADS");
        assertThat(lines[1]).contains("second.mov").contains("Bo Chan <bo@example.com>").contains("2024-05-31")
                .contains("1.00 kB").contains("sent").contains(api.uploads().stream()
                        .filter(u -> u.metadata.get("fileName").equals("second.mov")).findFirst().orElseThrow().fileId);
        assertThat(lines[2]).isEqualTo("1-1 of 2; next: apexshare recent --limit 1 --offset 1");
    }

    @Test
    void shouldShowOneUploadAndRefuseAnUnknownOne() throws IOException {
        // Given an uploaded clip
        upload("status.mp4", "Cy Diaz", "cy@example.com");
        String fileId = api.uploads().get(0).fileId;

        // When its status is asked for, and that of an unknown id
        CliRunner.Run known = cli.run("status", fileId);
        CliRunner.Run unknown = cli.run("status", "no-such-id");

        // Then every field shows, nested ones by their path; the unknown one is refused clearly
        assertThat(known.exitCode()).isZero();
        assertThat(known.out()).contains("fileId:").contains(fileId).containsPattern("studentName: +Cy Diaz")
                .containsPattern("fileSize: +1.00 kB \\(1000 bytes\\)").containsPattern("email.sent: +true")
                .containsPattern("status: +COMPLETED");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("apexshare status: Upload no-such-id not found (it does not exist or "
                + "belongs to another trainer)");
    }

    @Test
    void shouldAbortAnInterruptedUploadAndForgetItsResumeState() throws IOException {
        // Given an upload interrupted after its first part
        Path file = Files.write(dir.resolve("abort.mp4"), bytes(6 * 1024 * 1024));
        api.initialUrls = 1;
        api.failPartUrlsWith = 503;
        assertThat(cli.run(uploadArgs(file, "Dee", "dee@example.com")).exitCode()).isEqualTo(1);
        String fileId = api.uploads().get(0).fileId;
        assertThat(Files.list(dir.resolve("home").resolve("uploads"))).hasSize(1);

        // When it is aborted
        CliRunner.Run run = cli.run("abort", fileId);

        // Then the API aborted it, and a re-run would start afresh
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualToIgnoringNewLines(fileId + ": ABORTED");
        assertThat(api.aborted).containsExactly(fileId);
        assertThat(Files.list(dir.resolve("home").resolve("uploads"))).isEmpty();
    }

    @Test
    void shouldExplainAMissingToken() {
        // Given no token and no sign-in, When the dashboard is asked for, Then the trainer is told to sign in (code 3)
        cli.api(api.url(), null);
        CliRunner.Run run = cli.run("recent");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("apexshare recent: not signed in to " + api.url() + ": run apexshare login "
                + "(or set APEXSHARE_TOKEN for scripts)");
        assertThat(api.tokensSeen).isEmpty();
    }

    private void upload(String name, String student, String email) throws IOException {
        Path file = Files.write(dir.resolve(name), bytes(1000));
        CliRunner.Run run = cli.run(uploadArgs(file, student, email));
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static String[] uploadArgs(Path file, String student, String email) {
        return new String[] {"upload", file.toString(), "--student-email", email, "--student-name", student,
                "--session-date", "2024-05-31", "--quiet"};
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
