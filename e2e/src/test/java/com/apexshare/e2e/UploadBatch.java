package com.apexshare.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.core.ConditionTimeoutException;

import com.apexshare.devstack.local.LocalRun;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A batch of small single-PUT uploads, each to a student of its own (so "one email per student" is "one email per
 * upload"), spread over trainers of their own (at most ten uploads each, within the per-trainer quotas), driven
 * through the services' own APIs as the CLI drives them: initiate, PUT to the presigned URL, complete. The gateway is
 * not under test here; calling the services directly keeps its per-IP edge limit from pacing the suite.
 *
 * <p>A request that meets a fault (a refused connection, a 503 while a dependency is down, a 502 or 429) is retried
 * as a client would retry it, until it gets a final answer. An initiate is retried only when it never reached the
 * service (connection refused) or was refused with nothing started (503, 429): a retry after a lost answer could start
 * a second upload, which a client would show its user rather than hide.
 *
 * <p>{@link #outcome()} counts from the outside only: emails in GreenMail per student, dashboard rows through the
 * catalog API, objects in S3, the link of each email answering at download-service.
 */
final class UploadBatch {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+/d/([A-Za-z0-9_-]{43})");
    private static final Set<Integer> TRANSIENT = Set.of(429, 502, 503, 504);
    private static final int PER_TRAINER = 10;
    private static final byte[] VIDEO = "not really a video, but bytes of one".repeat(30)
            .getBytes(StandardCharsets.US_ASCII);
    /** How long a request may keep meeting a fault; outages are shorter, restarts on a loaded machine shorter still. */
    static final Duration RECOVERY = Duration.ofMinutes(5);
    /** How long counts must stay put before they are read: a late duplicate would arrive in this window. */
    static final Duration QUIET = Duration.ofSeconds(5);

    /** One upload of the batch; {@link #fileId} once initiated. */
    static final class Upload {
        final String trainer;
        final String token;
        final String student;
        volatile String fileId;
        volatile String uploadUrl;
        volatile Map<String, String> headers = Map.of();
        /** Statuses the complete call got before its final answer (the S3 row expects 503 among them). */
        final List<Integer> completeStatuses = java.util.Collections.synchronizedList(new ArrayList<>());

        Upload(String trainer, String token, String student) {
            this.trainer = trainer;
            this.token = token;
            this.student = student;
        }
    }

    private final LocalRun system;
    private final List<Upload> uploads;
    /** Completes answered 200 so far: the kill row kills each service at its own point of the batch. */
    private final java.util.concurrent.atomic.AtomicInteger completed = new java.util.concurrent.atomic.AtomicInteger();
    /**
     * Link tokens that answered 302 once. download-service rate-limits look-ups per client address, and the suite is
     * one address polling every link of a batch each second: a link known to work is not asked again.
     */
    private final Set<String> workingLinks = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The texts of the emails a student received: GreenMail's by default, SES's for the throttling row. */
    private volatile java.util.function.Function<String, List<String>> mailbox;

    private UploadBatch(LocalRun system, List<Upload> uploads) {
        this.system = system;
        this.uploads = uploads;
        this.mailbox = student -> java.util.Arrays.stream(system.smtp().greenMail()
                .getReceivedMessagesForDomain(student)).map(UploadBatch::textOrEmpty).toList();
    }

    /** Counts emails in another mailbox (SES's store) instead of GreenMail. */
    UploadBatch countingEmailsIn(java.util.function.Function<String, List<String>> emails) {
        this.mailbox = emails;
        return this;
    }

    /**
     * Counts emails in GreenMail and in another mailbox together (a batch whose emails go out partly by SMTP, partly
     * by SES, when notification-service comes back onto SES mid-batch): one email per student across both.
     */
    UploadBatch alsoCountingEmailsIn(java.util.function.Function<String, List<String>> emails) {
        java.util.function.Function<String, List<String>> greenMail = this.mailbox;
        this.mailbox = student -> {
            List<String> all = new ArrayList<>(greenMail.apply(student));
            all.addAll(emails.apply(student));
            return all;
        };
        return this;
    }

    /** Completes answered 200 so far. */
    int completed() {
        return completed.get();
    }

    /** {@code count} uploads, not started yet; {@code name} marks the students' addresses and the trainers. */
    static UploadBatch of(LocalRun system, String name, int count) {
        List<Upload> uploads = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String trainer = null;
        String token = null;
        for (int i = 0; i < count; i++) {
            if (i % PER_TRAINER == 0) {
                trainer = "fault-" + name + "-" + run + "-" + (i / PER_TRAINER);
                token = system.identity().trainerToken(trainer, "Fault Trainer", null);
            }
            uploads.add(new Upload(trainer, token, name + "-" + run + "-" + i + "@student.example"));
        }
        return new UploadBatch(system, List.copyOf(uploads));
    }

    List<Upload> uploads() {
        return uploads;
    }

    int size() {
        return uploads.size();
    }

    // ---- the flow -----------------------------------------------------------------------------------------------

    /** Initiate, PUT and complete every upload, eight at a time. */
    void uploadAll() {
        forEach(u -> {
            initiate(u);
            put(u);
            complete(u);
        });
    }

    /** Initiate and PUT every upload (S3 then notifies; the client's complete is still to come). */
    void initiateAndPutAll() {
        forEach(u -> {
            initiate(u);
            put(u);
        });
    }

    void completeAll() {
        forEach(this::complete);
    }

    /** Runs the step for every upload on eight threads and waits for all. */
    void forEach(Consumer<Upload> step) {
        forEach(uploads, step);
    }

    /** Runs the step for each of these uploads (of this batch) on eight threads and waits for all. */
    void forEach(List<Upload> some, Consumer<Upload> step) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> running = new ArrayList<>();
            some.forEach(u -> running.add(pool.submit(() -> step.accept(u))));
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    void initiate(Upload u) {
        String body = JSON.writeValueAsString(Map.of("studentEmail", u.student, "studentName", "Fault Student",
                "trainerName", "Fault Trainer", "sessionDate", LocalDate.now().toString(), "fileName", "ride.mp4",
                "fileSize", VIDEO.length, "contentType", "video/mp4"));
        HttpResponse<String> response = send(() -> HttpRequest.newBuilder(service("upload-service")
                .resolve("/api/v1/uploads/initiate")).header("Authorization", "Bearer " + u.token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                false, null);
        expect(response, 201, "initiate");
        JsonNode data = JSON.readTree(response.body()).path("data");
        Map<String, String> headers = new HashMap<>();
        data.path("fields").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asString()));
        u.headers = Map.copyOf(headers);
        u.uploadUrl = data.path("uploadUrl").asString();
        u.fileId = data.path("fileId").asString();
    }

    void put(Upload u) {
        HttpResponse<String> response = send(() -> {
            HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(u.uploadUrl))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(VIDEO));
            u.headers.forEach((name, value) -> {
                if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                    put.header(name, value);
                }
            });
            return put.build();
        }, true, null);
        expect(response, 200, "PUT to S3");
    }

    void complete(Upload u) {
        HttpResponse<String> response = send(() -> HttpRequest.newBuilder(service("upload-service")
                .resolve("/api/v1/uploads/" + u.fileId + "/complete")).header("Authorization", "Bearer " + u.token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                true, u.completeStatuses);
        expect(response, 200, "complete");
        completed.incrementAndGet();
    }

    /**
     * Sends until a final answer: retries transient statuses, refused connections, and (when the call is idempotent)
     * any I/O failure.
     */
    private static HttpResponse<String> send(java.util.function.Supplier<HttpRequest> request, boolean idempotent,
            List<Integer> seen) {
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        await().atMost(RECOVERY).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsMatching(e -> e instanceof ConnectException
                        || (idempotent && e instanceof IOException))
                .until(() -> {
                    HttpResponse<String> r = HTTP.send(request.get(), HttpResponse.BodyHandlers.ofString());
                    last.set(r);
                    if (seen != null) {
                        seen.add(r.statusCode());
                    }
                    return !TRANSIENT.contains(r.statusCode());
                });
        return last.get();
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new AssertionError(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private URI service(String name) {
        return system.service(name).baseUri();
    }

    // ---- counting from the outside ------------------------------------------------------------------------------

    /**
     * Waits until every upload is delivered (an email per student, a completed and e-mailed dashboard row, a working
     * link), then for {@link #QUIET} more, and counts. A batch that does not recover within the timeout is counted
     * as it stands: its losses show in the table rather than as a timeout.
     */
    Outcome awaitOutcome(Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> outcome().recovered() == uploads.size());
            // and it stays so: a late duplicate (a redelivered event, a resent email) would arrive in this window
            await().during(QUIET).atMost(QUIET.plusSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> outcome().recovered() == uploads.size());
        } catch (ConditionTimeoutException e) {
            // counted below
        }
        Outcome outcome = outcome();
        if (outcome.recovered() != uploads.size()) {
            System.out.println("FAULT batch not recovered: " + outcome);
        }
        return outcome;
    }

    /** The batch as the outside sees it now. */
    Outcome outcome() {
        Map<String, Integer> emails = new HashMap<>();
        Map<String, String> tokens = new HashMap<>();
        for (Upload u : uploads) {
            List<String> received = mailbox.apply(u.student);
            emails.put(u.student, received.size());
            if (!received.isEmpty()) {
                tokens.put(u.student, linkToken(received.get(0)));
            }
        }
        Map<String, Integer> rows = new HashMap<>();
        Set<String> delivered = new HashSet<>();
        for (String token : uploads.stream().map(u -> u.token).distinct().toList()) {
            for (JsonNode row : dashboard(token)) {
                String fileId = row.path("fileId").asString();
                rows.merge(fileId, 1, Integer::sum);
                if ("AVAILABLE".equals(row.path("status").asString()) && row.path("emailSent").asBoolean()) {
                    delivered.add(fileId);
                }
            }
        }
        Set<String> objects = objectsInS3();
        int recovered = 0;
        int lost = 0;
        int duplicated = 0;
        int[] missing = new int[4];
        for (Upload u : uploads) {
            int mails = emails.getOrDefault(u.student, 0);
            int rowCount = u.fileId == null ? 0 : rows.getOrDefault(u.fileId, 0);
            boolean link = linkWorks(tokens.get(u.student));
            missing[0] += mails == 0 ? 1 : 0;
            missing[1] += delivered.contains(u.fileId) ? 0 : 1;
            missing[2] += objects.contains(u.fileId) ? 0 : 1;
            missing[3] += link ? 0 : 1;
            boolean ok = u.fileId != null && mails >= 1 && delivered.contains(u.fileId)
                    && objects.contains(u.fileId) && link;
            duplicated += Math.max(0, mails - 1) + Math.max(0, rowCount - 1);
            if (!ok) {
                lost++;
            } else if (mails == 1 && rowCount == 1) {
                recovered++;
            }
        }
        return new Outcome(uploads.size(), recovered, lost, duplicated, String.format(
                "without email %d, without completed and e-mailed row %d, without object %d, without working link %d",
                missing[0], missing[1], missing[2], missing[3]));
    }

    /**
     * Lost: not delivered (no email, no completed row, no object or no working link); duplicated: beyond one.
     *
     * @param missing what the lost ones lack, for the log
     */
    record Outcome(int total, int recovered, int lost, int duplicated, String missing) {
    }

    private List<JsonNode> dashboard(String token) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(service("catalog-service")
                    .resolve("/api/v1/uploads/recent?limit=100&offset=0")).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("dashboard answered " + response.statusCode());
            }
            List<JsonNode> rows = new ArrayList<>();
            JSON.readTree(response.body()).path("data").path("uploads").forEach(rows::add);
            return rows;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A trainer's dashboard rows as JSON text, sorted by file id: what "the same dashboard" compares. */
    Map<String, String> dashboards() {
        Map<String, String> all = new java.util.TreeMap<>();
        for (String token : uploads.stream().map(u -> u.token).distinct().toList()) {
            dashboard(token).forEach(row -> all.put(row.path("fileId").asString(), row.toString()));
        }
        return all;
    }

    /**
     * File ids of the batch whose object is in the bucket, at the key layout {@code videos/<UTC day>/<fileId>-ride.mp4}
     * (today's or yesterday's day: a batch may straddle midnight).
     */
    Set<String> objectsInS3() {
        Set<String> found = new HashSet<>();
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        for (Upload u : uploads) {
            if (u.fileId == null) {
                continue;
            }
            for (LocalDate day : List.of(today, today.minusDays(1))) {
                if (system.s3().blobStore().blobExists(LocalRun.BUCKET, "videos/" + day + "/" + u.fileId
                        + "-ride.mp4")) {
                    found.add(u.fileId);
                }
            }
        }
        return found;
    }

    /** The object key of one of the batch's uploads, as S3 holds it. */
    String objectKey(String fileId) {
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        return List.of(today, today.minusDays(1)).stream().map(d -> "videos/" + d + "/" + fileId + "-ride.mp4")
                .filter(key -> system.s3().blobStore().blobExists(LocalRun.BUCKET, key)).findFirst()
                .orElseThrow(() -> new AssertionError("no object for upload " + fileId));
    }

    /** The e-mailed link answers with a redirect to the video at download-service. */
    boolean linkWorks(String token) {
        if (token == null) {
            return false;
        }
        if (workingLinks.contains(token)) {
            return true;
        }
        boolean works = linkStatus(token) == 302;
        if (works) {
            workingLinks.add(token);
        }
        return works;
    }

    int linkStatus(String token) {
        try {
            return HTTP.send(HttpRequest.newBuilder(service("download-service").resolve("/d/" + token))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where the link redirects (the presigned URL of the object it serves). */
    URI linkTarget(String token) throws IOException, InterruptedException {
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(service("download-service")
                .resolve("/d/" + token)).GET().build(), HttpResponse.BodyHandlers.discarding());
        return URI.create(response.headers().firstValue("Location").orElse("about:none"));
    }

    /** The token of the first email to this upload's student. */
    String linkToken(Upload u) {
        List<String> received = mailbox.apply(u.student);
        return received.isEmpty() ? null : linkToken(received.get(0));
    }

    private static String linkToken(String emailText) {
        Matcher m = LINK.matcher(emailText);
        return m.find() ? m.group(1) : null;
    }

    private static String textOrEmpty(MimeMessage email) {
        try {
            return text(email);
        } catch (Exception e) {
            return "";
        }
    }

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
}
