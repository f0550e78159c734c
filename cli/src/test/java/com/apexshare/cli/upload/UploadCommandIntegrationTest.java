package com.apexshare.cli.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.apexshare.cli.CliRunner;
import com.apexshare.cli.UploadApiServer;

/**
 * The whole {@code upload} command against the upload API contract (served in the test on top of the real S3): the
 * bytes really travel through presigned URLs into S3Proxy.
 */
class UploadCommandIntegrationTest {

    private static final String TOKEN = "trainer-token-1";
    private static final int MIB = 1024 * 1024;

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
    void shouldUploadSeveralFilesOneAfterAnotherAndSummariseThem() throws IOException {
        // Given a small clip (one PUT) and a larger one (three parts, URLs handed out one at a time after the first)
        byte[] small = PartUploaderIntegrationTest.randomBytes(200_000);
        byte[] large = PartUploaderIntegrationTest.randomBytes(12 * MIB + 7);
        Path smallFile = Files.write(dir.resolve("GX010001.MP4"), small);
        Path largeFile = Files.write(dir.resolve("ride.mov"), large);
        api.initialUrls = 1;

        // When both are uploaded with two parts at once
        CliRunner.Run run = cli.run("upload", smallFile.toString(), largeFile.toString(),
                "--student-email", "sam@example.com", "--student-name", "Sam Rider", "--session-date", "2024-05-31",
                "--notes", "Track day", "--parallel", "2");

        // Then both are in S3 byte for byte, with their types, and the summary lists them
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(api.uploads()).hasSize(2);
        UploadApiServer.Upload first = byName("GX010001.MP4");
        UploadApiServer.Upload second = byName("ride.mov");
        assertThat(first.mode).isEqualTo("SINGLE_PUT");
        assertThat(first.contentType).isEqualTo("video/mp4");
        assertThat(second.mode).isEqualTo("MULTIPART");
        assertThat(second.contentType).isEqualTo("video/quicktime");
        assertThat(second.metadata).containsEntry("notes", "Track day").containsEntry("studentName", "Sam Rider");
        assertThat(api.object(first.fileId)).isEqualTo(small);
        assertThat(api.object(second.fileId)).isEqualTo(large);
        assertThat(api.partUrlRequests).containsExactly(List.of(2, 3));
        assertThat(run.out()).contains(first.fileId).contains(second.fileId).contains("2 files: 2 uploaded");
        assertThat(run.err()).contains("[1/2]").contains("[2/2]").contains("ride.mov").contains("100%");
        assertThat(stateFiles()).isEmpty();
    }

    @Test
    void shouldResumeAnInterruptedUploadSendingOnlyTheMissingParts() throws IOException {
        // Given a four-part upload interrupted after two parts: the API stops handing out part URLs
        byte[] content = PartUploaderIntegrationTest.randomBytes(15 * MIB + 1000);
        Path file = Files.write(dir.resolve("session.mp4"), content);
        api.initialUrls = 2;
        api.failPartUrlsWith = 503;
        CliRunner.Run interrupted = upload(file);
        assertThat(interrupted.exitCode()).isEqualTo(1);
        assertThat(interrupted.err()).contains("The upload service is restarting")
                .contains("run the same command again to resume");
        String fileId = api.uploads().get(0).fileId;
        assertThat(api.partsInS3(fileId)).containsExactly(1, 2);
        assertThat(stateFiles()).hasSize(1);

        // When the API is back and the same command runs again
        api.failPartUrlsWith = 0;
        api.partUrlRequests.clear();
        CliRunner.Run resumed = upload(file);

        // Then only parts 3 and 4 were sent, the same upload completed, and the state is gone
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("2 of 4 parts are already in S3, 2 to send");
        assertThat(api.partUrlRequests).containsExactly(List.of(3, 4));
        assertThat(api.initiates).hasValue(1);
        assertThat(api.object(fileId)).isEqualTo(content);
        assertThat(resumed.out()).contains("resumed").contains(fileId);
        assertThat(stateFiles()).isEmpty();
    }

    @Test
    void shouldStartAfreshWhenTheFileChangedSinceTheInterruptedUpload() throws IOException {
        // Given an interrupted upload of a file that is then replaced by another recording
        Path file = Files.write(dir.resolve("clip.mp4"), PartUploaderIntegrationTest.randomBytes(6 * MIB));
        api.initialUrls = 1;
        api.failPartUrlsWith = 503;
        assertThat(upload(file).exitCode()).isEqualTo(1);
        String earlier = api.uploads().get(0).fileId;
        byte[] replacement = PartUploaderIntegrationTest.randomBytes(7 * MIB + 3);
        Files.write(file, replacement);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));
        api.failPartUrlsWith = 0;

        // When the command runs again
        CliRunner.Run run = upload(file);

        // Then a new upload carried the new bytes, and the earlier one was aborted
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("the file changed since its interrupted upload; starting afresh");
        assertThat(api.initiates).hasValue(2);
        assertThat(api.aborted).containsExactly(earlier);
        String fileId = api.uploads().stream().filter(u -> !u.fileId.equals(earlier)).findFirst().orElseThrow().fileId;
        assertThat(api.object(fileId)).isEqualTo(replacement);
        assertThat(stateFiles()).isEmpty();
    }

    @Test
    void shouldRecoverWhenS3RefusesAPartUrlHandedOutByInitiate() throws IOException {
        // Given an API whose first part URL carries a broken signature
        byte[] content = PartUploaderIntegrationTest.randomBytes(5 * MIB + 10);
        Path file = Files.write(dir.resolve("retry.mp4"), content);
        api.tamperFirstInitialUrl = true;

        // When the file is uploaded
        CliRunner.Run run = upload(file);

        // Then part 1 went again with a fresh URL and the file arrived whole
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("part 1 failed (").contains("trying again (2 of 3)");
        assertThat(api.partUrlRequests).contains(List.of(1));
        assertThat(api.object(api.uploads().get(0).fileId)).isEqualTo(content);
    }

    @Test
    void shouldRecoverWhenS3RefusesAPartUrlWhoseSignatureBeganWithZero() throws IOException {
        // Given an API whose first part URL carries a broken signature that began with 0 before it was broken (the
        // case in which the earlier tampering, which overwrote the first digit with 0, left the URL valid)
        byte[] content = PartUploaderIntegrationTest.randomBytes(5 * MIB + 20);
        Path file = Files.write(dir.resolve("retry-zero.mp4"), content);
        api.tamperFirstInitialUrl = true;
        api.firstInitialSignatureBeginsWith = '0';

        // When the file is uploaded
        CliRunner.Run run = upload(file);

        // Then part 1 went again with a fresh URL and the file arrived whole
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("part 1 failed (").contains("trying again (2 of 3)");
        assertThat(api.partUrlRequests).contains(List.of(1));
        assertThat(api.object(api.uploads().get(0).fileId)).isEqualTo(content);
    }

    @Test
    void shouldShowTheServersFieldErrorsWhenItRefusesAFile() throws IOException {
        // Given a (sparse) 6 GiB file, over the 5 GiB limit
        Path huge = dir.resolve("huge.mp4");
        try (RandomAccessFile raf = new RandomAccessFile(huge.toFile(), "rw")) {
            raf.setLength(6L * 1024 * MIB);
        }

        // When it is uploaded
        CliRunner.Run run = upload(huge);

        // Then the refusal names the field and why, and nothing is left to resume
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("huge.mp4: upload failed: Invalid request: fileSize")
                .contains("  fileSize: must be at most 5 GiB");
        assertThat(run.out()).contains("FAILED").contains("1 failed");
        assertThat(api.initiates).hasValue(0);
        assertThat(stateFiles()).isEmpty();
    }

    @Test
    void shouldSayTheTokenIsMissingOrExpiredWhenTheApiAnswers401() throws IOException {
        // Given a token the API does not accept
        Path file = PartUploaderIntegrationTest.writeRandom(dir.resolve("a.mp4"), 1000);
        cli.api(api.url(), "expired-token");

        // When a file is uploaded
        CliRunner.Run run = upload(file);

        // Then the trainer is told what to do
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("your token is missing or expired (set APEXSHARE_TOKEN)");
    }

    @Test
    void shouldSayApexShareCannotBeReachedWhenNothingListens() throws IOException {
        // Given an API URL where nothing listens
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path file = PartUploaderIntegrationTest.writeRandom(dir.resolve("b.mp4"), 1000);
        cli.api("http://127.0.0.1:" + port, TOKEN);

        // When a file is uploaded
        CliRunner.Run run = upload(file);

        // Then the message says where it tried
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot reach http://127.0.0.1:" + port + ": is ApexShare running?");
    }

    @Test
    void shouldRefuseABadCommandLineBeforeUploadingAnything() throws IOException {
        // Given one good file and one the client cannot type
        Path good = PartUploaderIntegrationTest.writeRandom(dir.resolve("good.mp4"), 1000);
        Path odd = PartUploaderIntegrationTest.writeRandom(dir.resolve("odd.mkv"), 1000);

        // When they are uploaded with a wrong date
        CliRunner.Run run = cli.run("upload", good.toString(), odd.toString(), "--student-email", "sam@example.com",
                "--student-name", "Sam", "--session-date", "31/05/2024");

        // Then it is a usage error naming every problem, and the API was never asked
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--session-date: '31/05/2024' is not a date like 2024-05-31")
                .contains("odd.mkv: cannot tell the video type from its name; allowed: .mp4 (video/mp4), "
                        + ".mov (video/quicktime), .avi (video/x-msvideo)")
                .contains("Usage: apexshare upload");
        assertThat(api.initiates).hasValue(0);
    }

    private CliRunner.Run upload(Path file) {
        return cli.run("upload", file.toString(), "--student-email", "sam@example.com", "--student-name",
                "Sam Rider", "--session-date", "2024-05-31", "--parallel", "2");
    }

    private UploadApiServer.Upload byName(String fileName) {
        return api.uploads().stream().filter(u -> fileName.equals(u.metadata.get("fileName"))).findFirst()
                .orElseThrow();
    }

    private List<Path> stateFiles() throws IOException {
        Path states = dir.resolve("home").resolve("uploads");
        if (!Files.isDirectory(states)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(states)) {
            return files.toList();
        }
    }
}
