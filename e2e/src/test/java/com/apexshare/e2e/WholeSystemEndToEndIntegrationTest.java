package com.apexshare.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.apexshare.devstack.local.LocalRun;
import com.apexshare.devstack.local.ServiceProcess;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system through its public interfaces, as a trainer and a student meet it: the trainer CLI (run as a
 * process, with an access token signed by the identity provider's key) uploads through the real gateway straight to
 * S3, the student's email arrives over SMTP, the link (through the gateway) downloads the exact bytes, and the
 * dashboard reports the email and the download. Also: a service killed mid-flow still leads to exactly one email.
 *
 * <p>The system starts once per test run ({@link TheSystem}); each test brings what it needs itself (a trainer, student and
 * files of its own, its own CLI home), so the tests pass in any order. Waits are for events travelling through the
 * system and are generous: a loaded 2-core machine runs seven JVMs here. Polls are spaced so that they stay within the
 * gateway's edge rate limits (per trainer 10/s).
 */
@ExtendWith(TheSystem.class)
class WholeSystemEndToEndIntegrationTest {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+/d/[A-Za-z0-9_-]{43}");
    /** From one service's fact to another service's reaction (Kafka, a consumer group rebalance, SMTP). */
    private static final Duration PROPAGATION = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30)).build();
    private static final Duration POLL = Duration.ofMillis(500);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private LocalRun system;

    @BeforeEach
    void theWholeSystemRuns(LocalRun running) {
        system = running;
    }

    @Test
    void shouldHandAVideoFromTrainerToStudent(@TempDir Path files) throws Exception {
        // Given a trainer with a token and a 112 MiB video
        String trainer = "trainer-" + UUID.randomUUID();
        String token = system.identity().trainerToken(trainer, "Erin Trainer", "erin@school.example");
        String student = "sue-" + UUID.randomUUID() + "@student.example";
        Path video = files.resolve("GX010042.MP4");
        String sha256 = writeRandomFile(video, 112L * 1024 * 1024);

        // When the trainer uploads it with the CLI
        long t0 = System.nanoTime();
        CliResult upload = cli(files, token, "upload", video.toString(), "--student-email", student,
                "--student-name", "Sue Rider", "--session-date", "2026-11-20", "--notes", "Watch your line in turn 3",
                "--parallel", "4");
        double uploadSeconds = (System.nanoTime() - t0) / 1e9;
        assertThat(upload.exitCode()).as(upload.output()).isZero();
        report("upload throughput (CLI -> S3, 112 MiB, 4 parallel parts)", 112 / uploadSeconds, "MiB/s");

        // Then the student receives one email with a link
        long t1 = System.nanoTime();
        MimeMessage email = awaitEmails(student, 1).get(0);
        report("complete -> email received", (System.nanoTime() - t1) / 1e9, "s");
        assertThat(email.getSubject()).isNotBlank();
        String link = link(email);

        // When the student opens the link and downloads the video
        // (the email can arrive a moment before its EmailSent event reaches the download side: the link works then)
        long t2 = System.nanoTime();
        await().atMost(PROPAGATION).pollInterval(POLL).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(link))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 302);
        report("email -> link valid", (System.nanoTime() - t2) / 1e9, "s");
        HttpResponse<Void> redirect = HTTP.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(redirect.statusCode()).isEqualTo(302);
        URI presigned = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        HttpResponse<InputStream> download = HTTP.send(HttpRequest.newBuilder(presigned).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(download.statusCode()).isEqualTo(200);
        String downloaded = sha256(download.body());
        report("email -> video downloaded (112 MiB)", (System.nanoTime() - t2) / 1e9, "s");

        // Then the bytes are exactly the trainer's, a range request works, and the dashboard reports both facts
        assertThat(downloaded).isEqualTo(sha256);
        HttpResponse<byte[]> range = HTTP.send(HttpRequest.newBuilder(presigned).header("Range", "bytes=1000-1099")
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).hasSize(100);
        await().atMost(PROPAGATION).pollInterval(POLL).ignoreExceptionsInstanceOf(IOException.class).untilAsserted(() -> {
            JsonNode uploads = dashboard(token).path("data").path("uploads");
            assertThat(uploads).hasSize(1);
            assertThat(uploads.get(0).path("studentEmail").asString()).isEqualTo(student);
            assertThat(uploads.get(0).path("fileSize").asLong()).isEqualTo(112L * 1024 * 1024);
            assertThat(uploads.get(0).path("emailSent").asBoolean()).isTrue();
            assertThat(uploads.get(0).path("downloadCount").asLong()).isEqualTo(1);
        });
        assertThat(awaitEmails(student, 1)).as("still exactly one email").hasSize(1);
    }

    @Test
    void shouldSendExactlyOneEmailWhenTheNotificationServiceIsKilledMidFlow(@TempDir Path files) throws Exception {
        // Given the notification service crashes (SIGKILL) while an upload is under way
        String token = system.identity().trainerToken("trainer-" + UUID.randomUUID(), "Kim Trainer", null);
        String student = "kai-" + UUID.randomUUID() + "@student.example";
        Path video = files.resolve("crash.mp4");
        writeRandomFile(video, 3L * 1024 * 1024);
        ServiceProcess notification = system.service("notification-service");
        notification.kill();

        // When the upload completes while it is down, and it comes back
        CliResult upload;
        try {
            upload = cli(files, token, "upload", video.toString(), "--student-email", student, "--student-name",
                    "Kai Rider", "--session-date", "2026-11-21");
        } finally {
            notification.start().awaitReady(LocalRun.START_TIMEOUT);
        }
        assertThat(upload.exitCode()).as(upload.output()).isZero();

        // Then exactly one email arrives, and no second one follows within five seconds (a window to look in, not a
        // speed: the atMost only bounds how long looking may take)
        assertThat(awaitEmails(student, 1)).hasSize(1);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(60))
                .until(() -> system.smtp().greenMail().getReceivedMessagesForDomain(student).length == 1);
    }

    @Test
    void shouldCountTheStudentPageOncePerVisitAndTheLinkPerOpening(@TempDir Path files) throws Exception {
        // Given an uploaded and e-mailed video
        String token = system.identity().trainerToken("trainer-" + UUID.randomUUID(), "Page Trainer", null);
        String student = "pia-" + UUID.randomUUID() + "@student.example";
        Path video = files.resolve("page.mp4");
        writeRandomFile(video, 2L * 1024 * 1024);
        CliResult upload = cli(files, token, "upload", video.toString(), "--student-email", student,
                "--student-name", "Pia Rider", "--session-date", "2026-11-22");
        assertThat(upload.exitCode()).as(upload.output()).isZero();
        String link = link(awaitEmails(student, 1).get(0));
        String linkToken = link.substring(link.lastIndexOf('/') + 1);
        String fileId = await().atMost(PROPAGATION).pollInterval(POLL).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> dashboard(token).path("data").path("uploads").path(0).path("fileId").asString(""),
                        id -> !id.isEmpty());
        await().atMost(PROPAGATION).pollInterval(POLL).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(link))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 302);

        // When the student page opens (twice: info), then plays and downloads in one visit (start twice, no session,
        // no CSRF token: a browser that never signed in)
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> info = HTTP.send(HttpRequest.newBuilder(system.apiUri()
                    .resolve("/api/v1/downloads/" + linkToken + "/info")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(info.statusCode()).as(info.body()).isEqualTo(200);
            assertThat(info.body()).contains("\"fileName\"").doesNotContain("downloadUrl");
            assertThat(info.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
        String visit = UUID.randomUUID().toString();
        JsonNode play = start(linkToken, visit, "PLAY", CHROME);
        JsonNode download = start(linkToken, visit, "DOWNLOAD", CHROME);

        // Then the visit counted once, and its URL downloads the video
        assertThat(play.path("counted").asBoolean()).isTrue();
        assertThat(download.path("counted").asBoolean()).isFalse();
        HttpResponse<InputStream> bytes = HTTP.send(HttpRequest.newBuilder(URI.create(download.path("downloadUrl")
                .asString())).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(sha256(bytes.body())).isEqualTo(sha256(Files.newInputStream(video)));
        await().atMost(PROPAGATION).pollInterval(POLL).ignoreExceptionsInstanceOf(IOException.class).untilAsserted(() -> {
            assertThat(detail(token, fileId).path("downloadCount").asLong()).isEqualTo(1);
            JsonNode downloads = downloads(token, fileId);
            assertThat(downloads).hasSize(1);
            assertThat(downloads.get(0).path("userAgentFamily").asString()).isEqualTo("Chrome");
            assertThat(downloads.get(0).path("channel").asString()).isEqualTo("API");
        });

        // When another visit plays, and curl opens the e-mailed link itself
        assertThat(start(linkToken, UUID.randomUUID().toString(), "PLAY", FIREFOX).path("counted").asBoolean())
                .isTrue();
        HttpResponse<Void> redirect = HTTP.send(HttpRequest.newBuilder(URI.create(link))
                .header("User-Agent", "curl/8.5.0").GET().build(), HttpResponse.BodyHandlers.discarding());
        assertThat(redirect.statusCode()).isEqualTo(302);
        HttpResponse<InputStream> curlBytes = HTTP.send(HttpRequest.newBuilder(URI.create(
                redirect.headers().firstValue("Location").orElseThrow())).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(sha256(curlBytes.body())).isEqualTo(sha256(Files.newInputStream(video)));

        // Then each counts once more: three downloads in all (the page's opening, the second start and HEAD none)
        await().atMost(PROPAGATION).pollInterval(POLL).ignoreExceptionsInstanceOf(IOException.class).untilAsserted(() -> {
            assertThat(detail(token, fileId).path("downloadCount").asLong()).isEqualTo(3);
            List<String> seen = new ArrayList<>();
            downloads(token, fileId).forEach(d -> seen.add(d.path("userAgentFamily").asString() + "/"
                    + d.path("channel").asString()));
            assertThat(seen).containsExactlyInAnyOrder("Chrome/API", "Firefox/API", "curl/REDIRECT");
        });
    }

    @Test
    void shouldCarryOutEveryTrainerActionWithExactlyTheEmailsDue(@TempDir Path files) throws Exception {
        // Given an uploaded video whose first email went to a mistyped address
        String token = system.identity().trainerToken("trainer-" + UUID.randomUUID(), "Ada Trainer", null);
        String typo = "ada-" + UUID.randomUUID() + "@studnet.example";
        String right = "ada-" + UUID.randomUUID() + "@student.example";
        Path video = files.resolve("actions.mp4");
        writeRandomFile(video, 1024 * 1024);
        CliResult upload = cli(files, token, "upload", video.toString(), "--student-email", typo,
                "--student-name", "Ada Rider", "--session-date", "2026-11-23");
        assertThat(upload.exitCode()).as(upload.output()).isZero();
        String first = link(awaitEmails(typo, 1).get(0));
        String fileId = await().atMost(PROPAGATION).pollInterval(POLL).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> dashboard(token).path("data").path("uploads").path(0).path("fileId").asString(""),
                        id -> !id.isEmpty());
        awaitLink(first, 302);

        // When the trainer resends it: then exactly one more email, with a second link that works too
        CliResult resend = cli(files, token, "resend", fileId);
        assertThat(resend.exitCode()).as(resend.output()).isZero();
        String second = link(awaitEmails(typo, 2).get(1));
        assertThat(second).isNotEqualTo(first);
        awaitLink(second, 302);

        // When the trainer corrects the address: then exactly one email to it, none more to the old one, and the old
        // links answer 410 while the new one works
        CliResult moved = cli(files, token, "change-address", fileId, "--student-email", right);
        assertThat(moved.exitCode()).as(moved.output()).isZero();
        String third = link(awaitEmails(right, 1).get(0));
        awaitLink(third, 302);
        awaitLink(first, 410);
        awaitLink(second, 410);
        assertThat(awaitEmails(typo, 2)).hasSize(2);
        assertThat(awaitEmails(right, 1)).hasSize(1);

        // When the trainer extends the expiry: then the dashboard and the link's page show the new end
        CliResult extended = cli(files, token, "expiry", fileId, "--days", "20");
        assertThat(extended.exitCode()).as(extended.output()).isZero();
        String end = extended.output().replaceAll("(?s).*expires (\\S+?);.*", "$1").strip();
        await().atMost(PROPAGATION).pollInterval(POLL).ignoreExceptionsInstanceOf(IOException.class).untilAsserted(() ->
                assertThat(detail(token, fileId).path("expiresAt").asString()).isEqualTo(end));
        String thirdToken = third.substring(third.lastIndexOf('/') + 1);
        await().atMost(PROPAGATION).pollInterval(POLL).ignoreExceptionsInstanceOf(IOException.class).until(() ->
                HTTP.send(HttpRequest.newBuilder(system.apiUri().resolve("/api/v1/downloads/" + thirdToken + "/info"))
                        .GET().build(), HttpResponse.BodyHandlers.ofString()).body().contains(end));

        // When the trainer revokes the links: then the student's link and its page answer 410
        CliResult revoked = cli(files, token, "revoke", fileId, "--yes");
        assertThat(revoked.exitCode()).as(revoked.output()).isZero();
        awaitLink(third, 410);
        assertThat(HTTP.send(HttpRequest.newBuilder(system.apiUri().resolve("/api/v1/downloads/" + thirdToken
                + "/info")).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(410);

        // When the trainer deletes it: then the dashboard shows it deleted by the trainer, and the student's page
        // lists it; no email went out for any of the last three actions
        CliResult deleted = cli(files, token, "delete", fileId, "--yes");
        assertThat(deleted.exitCode()).as(deleted.output()).isZero();
        await().atMost(PROPAGATION).pollInterval(POLL).ignoreExceptionsInstanceOf(IOException.class).untilAsserted(() -> {
            JsonNode detail = detail(token, fileId);
            assertThat(detail.path("status").asString()).isEqualTo("DELETED");
            assertThat(detail.path("deletionReason").asString()).isEqualTo("TRAINER_DELETED");
            assertThat(detail.path("studentEmail").asString()).isEqualTo(right);
        });
        CliResult student = cli(files, token, "student", right);
        assertThat(student.exitCode()).as(student.output()).isZero();
        assertThat(student.output()).contains("1 upload(s)").contains(fileId);
        assertThat(system.smtp().greenMail().getReceivedMessagesForDomain(typo)).hasSize(2);
        assertThat(system.smtp().greenMail().getReceivedMessagesForDomain(right)).hasSize(1);
    }

    /** Waits until the student's link answers {@code status} (events travel to the download side meanwhile). */
    private void awaitLink(String link, int status) {
        await().atMost(PROPAGATION).pollInterval(POLL).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(link))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == status);
    }

    /** The student page's start call, as a browser without a session makes it. */
    private JsonNode start(String linkToken, String visitId, String purpose, String userAgent) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(system.apiUri()
                .resolve("/api/v1/downloads/" + linkToken + "/start")).header("Content-Type", "application/json")
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString("{\"visitId\":\"" + visitId + "\",\"purpose\":\""
                        + purpose + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("data");
    }

    private JsonNode detail(String token, String fileId) throws Exception {
        return trainerGet(token, "/api/v1/uploads/" + fileId).path("data");
    }

    private JsonNode downloads(String token, String fileId) throws Exception {
        return trainerGet(token, "/api/v1/uploads/" + fileId + "/downloads").path("data").path("downloads");
    }

    private JsonNode trainerGet(String token, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(system.apiUri().resolve(path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private List<MimeMessage> awaitEmails(String recipient, int count) {
        await().atMost(PROPAGATION).until(
                () -> system.smtp().greenMail().getReceivedMessagesForDomain(recipient).length >= count);
        return List.of(system.smtp().greenMail().getReceivedMessagesForDomain(recipient));
    }

    private static String link(MimeMessage email) throws Exception {
        Matcher m = LINK.matcher(text(email));
        assertThat(m.find()).as("a download link in the email").isTrue();
        return m.group();
    }

    /** The decoded text of every text part of a message. */
    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/*")) {
            return part.getContent().toString();
        }
        StringBuilder text = new StringBuilder();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i))).append('\n');
            }
        }
        return text.toString();
    }

    private JsonNode dashboard(String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                system.apiUri().resolve("/api/v1/uploads/recent?limit=10&offset=0"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    record CliResult(int exitCode, String output) {
    }

    /** Runs the trainer CLI's executable jar as a process, the way a trainer runs it, with a home of the test's. */
    private CliResult cli(Path files, String token, String... args) throws IOException, InterruptedException {
        Path jar = system.repositoryRoot().resolve("cli/target/apexshare.jar");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(files, "cli", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("APEXSHARE_API_URL", system.apiUri().toString(),
                "APEXSHARE_TOKEN", token, "APEXSHARE_HOME", files.resolve("cli-home").toString()));
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("CLI did not finish: " + Files.readString(log));
        }
        String output = Files.readString(log);
        System.out.println(output);
        return new CliResult(process.exitValue(), output);
    }

    private static String writeRandomFile(Path file, long size) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        SplittableRandom random = new SplittableRandom(size);
        ByteBuffer buffer = ByteBuffer.allocate(1024 * 1024);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long written = 0; written < size; written += buffer.capacity()) {
                buffer.clear();
                while (buffer.remaining() >= 8) {
                    buffer.putLong(random.nextLong());
                }
                buffer.flip();
                buffer.limit((int) Math.min(buffer.capacity(), size - written));
                digest.update(buffer.duplicate());
                channel.write(buffer);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (in) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void report(String what, double value, String unit) {
        TheSystem.report(what, value, unit);
    }
}
