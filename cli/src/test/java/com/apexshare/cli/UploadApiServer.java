package com.apexshare.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.apexshare.devstack.PresignedUrls;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.UploadPartPresignRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The upload API contract (initiate, parts, parts/urls, complete, abort) and the dashboard calls, implemented in the
 * test on top of the real S3 the way the upload service does it: multipart uploads created and presigned with the AWS
 * SDK, so the client's bytes really go to S3 through presigned URLs. One trainer, one token. Failures can be switched
 * on to interrupt a client run.
 */
public final class UploadApiServer implements AutoCloseable {

    public static final long MAX_FILE_SIZE = 5L * 1024 * 1024 * 1024;
    private static final Set<String> TYPES = Set.of("video/mp4", "video/quicktime", "video/x-msvideo");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** One upload as the server keeps it. */
    public static final class Upload {
        public final String fileId;
        public final String key;
        public final String mode;
        public final String uploadId;
        public final long fileSize;
        public final long partSize;
        public final int partCount;
        public final String contentType;
        public final Map<String, Object> metadata;
        public final Instant initiatedAt = Instant.now();
        /** The order of initiation: the wall clock may step back between two uploads. */
        final long sequence = SEQUENCE.incrementAndGet();
        public volatile String status = "IN_PROGRESS";
        volatile Map<String, Object> completion;
        // The trainer's actions (issue 16)
        public volatile Instant expiresAt = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        public volatile boolean linksRevoked;
        public volatile boolean remindersEnabled = true;
        public volatile int linkGeneration = 1;
        public final List<Instant> resends = Collections.synchronizedList(new ArrayList<>());

        Upload(String fileId, String key, String mode, String uploadId, long fileSize, long partSize, int partCount,
                String contentType, Map<String, Object> metadata) {
            this.fileId = fileId;
            this.key = key;
            this.mode = mode;
            this.uploadId = uploadId;
            this.fileSize = fileSize;
            this.partSize = partSize;
            this.partCount = partCount;
            this.contentType = contentType;
            this.metadata = metadata;
        }
    }

    private static final Duration URL_LIFETIME = Duration.ofMinutes(15);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "upload-api-stub");
        t.setDaemon(true);
        return t;
    });
    private final S3Fixture s3 = S3Fixture.get();
    private final String bucket = s3.freshBucket();
    private final Predicate<String> acceptsToken;
    /** Every bearer token the API was sent, in order (tests of the sign-in check which one went out). */
    public final List<String> tokensSeen = Collections.synchronizedList(new ArrayList<>());
    /** How many requests it refused with 401. */
    public final AtomicInteger unauthorized = new AtomicInteger();
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();

    public volatile long singlePutMaxSize = 1024 * 1024;
    public volatile long partSize = 5L * 1024 * 1024;
    public volatile int initialUrls = 100;
    /** When not 0, {@code POST …/parts/urls} answers this status: the API went away mid-upload. */
    public volatile int failPartUrlsWith;
    /** When set, the first part URL handed out by initiate carries a broken signature. */
    public volatile boolean tamperFirstInitialUrl;
    /**
     * When set, the first part URL handed out by initiate is signed (for a slightly shorter time) so that its signature
     * begins with this hex digit, before any tampering: a signature's first digit is otherwise left to chance.
     */
    public volatile Character firstInitialSignatureBeginsWith;

    public final AtomicInteger initiates = new AtomicInteger();
    public final AtomicInteger completes = new AtomicInteger();
    public final List<String> aborted = Collections.synchronizedList(new ArrayList<>());
    /** Every trainer action as {@code "<action> <fileId> <detail>"}, in order. */
    public final List<String> actions = Collections.synchronizedList(new ArrayList<>());
    /** The paths of the per-student requests, as received (still percent-encoded). */
    public final List<String> studentRequests = Collections.synchronizedList(new ArrayList<>());
    /** The part numbers of every {@code parts/urls} request, in order. */
    public final List<List<Integer>> partUrlRequests = Collections.synchronizedList(new ArrayList<>());

    private UploadApiServer(Predicate<String> acceptsToken) throws IOException {
        this.acceptsToken = acceptsToken;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/api/v1/uploads", this::handle);
        server.createContext("/api/v1/students", this::student);
        server.setExecutor(executor);
        server.start();
    }

    public static UploadApiServer start(String token) {
        return start(token::equals);
    }

    /** An API that takes the bearer tokens the predicate accepts (e.g. the identity provider's valid JWTs). */
    public static UploadApiServer start(Predicate<String> acceptsToken) {
        try {
            return new UploadApiServer(acceptsToken);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public Upload upload(String fileId) {
        return uploads.get(fileId);
    }

    public List<Upload> uploads() {
        return List.copyOf(uploads.values());
    }

    /** The object's bytes in S3. */
    public byte[] object(String fileId) {
        return s3.client().getObject(GetObjectRequest.builder().bucket(bucket).key(uploads.get(fileId).key).build(),
                ResponseTransformer.toBytes()).asByteArray();
    }

    /** Part numbers S3 holds for an unfinished multipart upload. */
    public List<Integer> partsInS3(String fileId) {
        Upload u = uploads.get(fileId);
        return s3.client().listParts(b -> b.bucket(bucket).key(u.key).uploadId(u.uploadId)).parts().stream()
                .map(p -> p.partNumber()).sorted().toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String bearer = auth != null && auth.startsWith("Bearer ") ? auth.substring("Bearer ".length()) : null;
            if (bearer != null) {
                tokensSeen.add(bearer);
            }
            if (bearer == null || !acceptsToken.test(bearer)) {
                unauthorized.incrementAndGet();
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                error(exchange, 401, "UNAUTHORIZED", "Full authentication is required", List.of());
                return;
            }
            String method = exchange.getRequestMethod();
            String[] path = exchange.getRequestURI().getPath().substring("/api/v1/uploads".length()).split("/");
            JsonNode body = readBody(exchange.getRequestBody());
            if (method.equals("POST") && path.length == 2 && path[1].equals("initiate")) {
                initiate(exchange, body);
            } else if (method.equals("GET") && path.length == 2 && path[1].equals("recent")) {
                recent(exchange);
            } else if (path.length >= 2 && uploads.containsKey(path[1])) {
                Upload upload = uploads.get(path[1]);
                String action = path.length == 2 ? "" : String.join("/", List.of(path).subList(2, path.length));
                switch (method + " " + action) {
                    case "GET parts" -> parts(exchange, upload);
                    case "POST parts/urls" -> partUrls(exchange, upload, body);
                    case "POST complete" -> complete(exchange, upload, body);
                    case "POST abort" -> abort(exchange, upload);
                    case "POST resend", "POST student-address", "PUT expiry", "POST revoke", "POST delete",
                            "PUT reminders" -> action(exchange, upload, action, body);
                    case "GET " -> ok(exchange, 200, details(upload));
                    default -> error(exchange, 404, "NOT_FOUND", "No such endpoint", List.of());
                }
            } else if (path.length >= 2) {
                error(exchange, 404, "UPLOAD_NOT_FOUND", "Upload " + path[1] + " not found", List.of());
            } else {
                error(exchange, 404, "NOT_FOUND", "No such endpoint", List.of());
            }
        } catch (RuntimeException e) {
            error(exchange, 500, "INTERNAL_ERROR", "Something went wrong on our side; try again later", List.of());
            throw e;
        }
    }

    private void initiate(HttpExchange exchange, JsonNode body) throws IOException {
        List<Map<String, String>> fields = new ArrayList<>();
        String email = body.path("studentEmail").asString("");
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            fields.add(field("studentEmail", "must be a well-formed email address"));
        }
        long fileSize = body.path("fileSize").asLong(-1);
        if (fileSize > MAX_FILE_SIZE) {
            fields.add(field("fileSize", "must be at most 5 GiB"));
        } else if (fileSize < 1) {
            fields.add(field("fileSize", "must be at least 1"));
        }
        String contentType = body.path("contentType").asString("");
        if (!TYPES.contains(contentType)) {
            fields.add(field("contentType", "must be one of video/mp4, video/quicktime, video/x-msvideo"));
        }
        String fileName = body.path("fileName").asString("");
        if (!fields.isEmpty()) {
            error(exchange, 400, "VALIDATION_FAILED", "Invalid request: "
                    + String.join(", ", fields.stream().map(f -> f.get("field")).toList()), fields);
            return;
        }
        initiates.incrementAndGet();
        String fileId = UUID.randomUUID().toString();
        String key = "videos/" + LocalDate.parse(body.path("sessionDate").asString()) + "/" + fileId + "-" + fileName;
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (String name : List.of("studentEmail", "studentName", "trainerName", "sessionDate", "notes")) {
            metadata.put(name, body.path(name).isNull() || body.path(name).isMissingNode() ? null
                    : body.path(name).asString());
        }
        metadata.put("fileName", fileName);
        Instant expiresAt = Instant.now().plus(URL_LIFETIME);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("fileId", fileId);
        data.put("expiresAt", expiresAt.toString());
        if (fileSize <= singlePutMaxSize) {
            Upload upload = new Upload(fileId, key, "SINGLE_PUT", null, fileSize, fileSize, 1, contentType, metadata);
            uploads.put(fileId, upload);
            data.put("uploadMode", "SINGLE_PUT");
            data.put("uploadUrl", presignPut(upload));
            data.put("fields", Map.of("Content-Type", contentType));
            data.put("multipart", null);
        } else {
            String uploadId = s3.client().createMultipartUpload(CreateMultipartUploadRequest.builder().bucket(bucket)
                    .key(key).contentType(contentType).build()).uploadId();
            long size = partSize;
            int count = (int) ((fileSize + size - 1) / size);
            Upload upload = new Upload(fileId, key, "MULTIPART", uploadId, fileSize, size, count, contentType,
                    metadata);
            uploads.put(fileId, upload);
            List<Map<String, Object>> parts = new ArrayList<>();
            for (int n = 1; n <= Math.min(count, initialUrls); n++) {
                String url = n == 1 ? presignFirstPart(upload) : presignPart(upload, n, URL_LIFETIME);
                if (n == 1 && tamperFirstInitialUrl) {
                    url = PresignedUrls.withBrokenSignature(url);
                }
                parts.add(Map.of("partNumber", n, "url", url));
            }
            data.put("uploadMode", "MULTIPART");
            data.put("uploadUrl", null);
            data.put("fields", Map.of());
            data.put("multipart", Map.of("uploadId", uploadId, "partSize", size, "partCount", count, "parts", parts));
        }
        ok(exchange, 201, data);
    }

    private void parts(HttpExchange exchange, Upload upload) throws IOException {
        List<Map<String, Object>> held = new ArrayList<>();
        if (upload.mode.equals("MULTIPART") && upload.status.equals("IN_PROGRESS")) {
            ListPartsResponse parts = s3.client().listParts(b -> b.bucket(bucket).key(upload.key)
                    .uploadId(upload.uploadId));
            parts.parts().forEach(p -> held.add(Map.of("partNumber", p.partNumber(), "eTag", p.eTag(),
                    "size", p.size())));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("fileId", upload.fileId);
        data.put("uploadMode", upload.mode);
        data.put("status", upload.status);
        data.put("partSize", upload.partSize);
        data.put("partCount", upload.partCount);
        data.put("fileSize", upload.fileSize);
        data.put("uploadedParts", held);
        ok(exchange, 200, data);
    }

    private void partUrls(HttpExchange exchange, Upload upload, JsonNode body) throws IOException {
        if (failPartUrlsWith != 0) {
            error(exchange, failPartUrlsWith, "SERVICE_UNAVAILABLE", "The upload service is restarting", List.of());
            return;
        }
        if (!upload.status.equals("IN_PROGRESS")) {
            error(exchange, 409, "UPLOAD_NOT_IN_PROGRESS", "Upload is " + upload.status, List.of());
            return;
        }
        Instant expiresAt = Instant.now().plus(URL_LIFETIME);
        if (upload.mode.equals("SINGLE_PUT")) {
            partUrlRequests.add(List.of());
            ok(exchange, 200, Map.of("uploadUrl", presignPut(upload), "fields",
                    Map.of("Content-Type", upload.contentType), "expiresAt", expiresAt.toString()));
            return;
        }
        List<Integer> numbers = new ArrayList<>();
        body.path("partNumbers").forEach(n -> numbers.add(n.asInt()));
        partUrlRequests.add(List.copyOf(numbers));
        List<Map<String, Object>> parts = new ArrayList<>();
        for (int n : numbers) {
            if (n < 1 || n > upload.partCount) {
                error(exchange, 400, "VALIDATION_FAILED", "Invalid request: partNumbers",
                        List.of(field("partNumbers", "must be between 1 and " + upload.partCount)));
                return;
            }
            parts.add(Map.of("partNumber", n, "url", presignPart(upload, n, URL_LIFETIME)));
        }
        ok(exchange, 200, Map.of("parts", parts, "expiresAt", expiresAt.toString()));
    }

    private synchronized void complete(HttpExchange exchange, Upload upload, JsonNode body) throws IOException {
        if (upload.completion != null) {
            ok(exchange, 200, upload.completion);
            return;
        }
        if (upload.status.equals("ABORTED")) {
            error(exchange, 409, "UPLOAD_ABORTED", "Upload was aborted", List.of());
            return;
        }
        try {
            if (upload.mode.equals("MULTIPART")) {
                List<CompletedPart> parts = new ArrayList<>();
                body.path("parts").forEach(p -> parts.add(CompletedPart.builder()
                        .partNumber(p.path("partNumber").asInt()).eTag(p.path("eTag").asString()).build()));
                parts.sort(Comparator.comparing(CompletedPart::partNumber));
                s3.client().completeMultipartUpload(CompleteMultipartUploadRequest.builder().bucket(bucket)
                        .key(upload.key).uploadId(upload.uploadId)
                        .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()).build());
            }
            HeadObjectResponse head = s3.client().headObject(b -> b.bucket(bucket).key(upload.key));
            if (head.contentLength() != upload.fileSize) {
                error(exchange, 409, "SIZE_MISMATCH", "The object in S3 has " + head.contentLength() + " bytes",
                        List.of());
                return;
            }
            completes.incrementAndGet();
            upload.status = "COMPLETED";
            upload.completion = Map.of("fileId", upload.fileId, "status", "COMPLETED", "size", head.contentLength(),
                    "eTag", head.eTag());
            ok(exchange, 200, upload.completion);
        } catch (NoSuchKeyException e) {
            error(exchange, 409, "UPLOAD_INCOMPLETE", "The file is not in S3 yet", List.of());
        } catch (S3Exception e) {
            error(exchange, 400, "UPLOAD_INCOMPLETE", "S3 refused to complete: " + e.awsErrorDetails().errorMessage(),
                    List.of());
        }
    }

    private void abort(HttpExchange exchange, Upload upload) throws IOException {
        if (upload.status.equals("COMPLETED")) {
            error(exchange, 409, "UPLOAD_COMPLETED", "Upload is already completed", List.of());
            return;
        }
        if (upload.mode.equals("MULTIPART") && upload.status.equals("IN_PROGRESS")) {
            s3.client().abortMultipartUpload(AbortMultipartUploadRequest.builder().bucket(bucket).key(upload.key)
                    .uploadId(upload.uploadId).build());
        }
        upload.status = "ABORTED";
        aborted.add(upload.fileId);
        ok(exchange, 200, Map.of("fileId", upload.fileId, "status", "ABORTED"));
    }

    /** The trainer actions with the service's rules that matter to the client: states, limits, field errors. */
    private void action(HttpExchange exchange, Upload upload, String action, JsonNode body) throws IOException {
        if (!upload.status.equals("COMPLETED")) {
            error(exchange, 409, upload.status.equals("DELETED") ? "UPLOAD_DELETED" : "UPLOAD_NOT_COMPLETED",
                    upload.status.equals("DELETED") ? "The upload was deleted"
                            : "The upload is not completed yet; finish or abort it first", List.of());
            return;
        }
        String detail = "";
        switch (action) {
            case "resend" -> {
                Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
                if (upload.resends.stream().filter(t -> t.isAfter(hourAgo)).count() >= 3) {
                    exchange.getResponseHeaders().set("Retry-After", "3599");
                    error(exchange, 429, "RESEND_LIMIT_REACHED",
                            "The email was already resent 3 times in the last hour; try again later", List.of());
                    return;
                }
                upload.resends.add(Instant.now());
            }
            case "student-address" -> {
                String email = body == null ? "" : body.path("studentEmail").asString("");
                if (!email.matches("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}")) {
                    error(exchange, 400, "VALIDATION_FAILED", "Invalid request: studentEmail",
                            List.of(field("studentEmail", "must be a valid email address")));
                    return;
                }
                upload.linkGeneration++;
                detail = email + (body.path("studentName").isString() ? " " + body.path("studentName").asString()
                        : "");
            }
            case "expiry" -> {
                Instant at = Instant.parse(body.path("expiresAt").asString());
                if (at.isAfter(Instant.now().plus(Duration.ofDays(30)))) {
                    error(exchange, 400, "VALIDATION_FAILED", "Invalid request: expiresAt",
                            List.of(field("expiresAt", "must be at most 30 days from now")));
                    return;
                }
                upload.expiresAt = at;
                detail = at.toString();
            }
            case "revoke" -> upload.linksRevoked = true;
            case "delete" -> upload.status = "DELETED";
            case "reminders" -> {
                upload.remindersEnabled = body.path("enabled").asBoolean();
                detail = String.valueOf(upload.remindersEnabled);
            }
            default -> throw new IllegalStateException(action);
        }
        actions.add((action + " " + upload.fileId + " " + detail).strip());
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("fileId", upload.fileId);
        state.put("status", upload.status);
        state.put("expiresAt", upload.expiresAt.toString());
        state.put("linkGeneration", upload.linkGeneration);
        state.put("linksRevoked", upload.linksRevoked);
        state.put("linksRevokedAt", null);
        state.put("remindersEnabled", upload.remindersEnabled);
        ok(exchange, 200, state);
    }

    /** {@code GET /api/v1/students/{email}/uploads}: the trainer's uploads for that address. */
    private void student(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !acceptsToken.test(auth.substring("Bearer ".length()))) {
                error(exchange, 401, "UNAUTHORIZED", "Full authentication is required", List.of());
                return;
            }
            String rawPath = exchange.getRequestURI().getRawPath();
            studentRequests.add(rawPath);
            String email = java.net.URLDecoder.decode(rawPath.split("/")[4], java.nio.charset.StandardCharsets.UTF_8);
            List<Upload> mine = uploads.values().stream()
                    .filter(u -> email.equalsIgnoreCase(String.valueOf(u.metadata.get("studentEmail"))))
                    .sorted(Comparator.comparingLong((Upload u) -> u.sequence).reversed()).toList();
            if (mine.isEmpty()) {
                error(exchange, 404, "STUDENT_NOT_FOUND", "You have no uploads for this student", List.of());
                return;
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Upload u : mine) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("fileId", u.fileId);
                row.put("fileName", u.metadata.get("fileName"));
                row.put("sessionDate", u.metadata.get("sessionDate"));
                row.put("fileSize", u.fileSize);
                row.put("status", u.status.equals("COMPLETED") ? "AVAILABLE" : u.status);
                row.put("emailStatus", "SENT");
                row.put("downloadCount", 0);
                row.put("expiresAt", u.expiresAt.toString());
                row.put("linksRevoked", u.linksRevoked);
                rows.add(row);
            }
            Map<String, Object> student = new LinkedHashMap<>();
            student.put("studentEmail", email.toLowerCase(java.util.Locale.ROOT));
            student.put("studentName", mine.get(0).metadata.get("studentName"));
            student.put("uploads", mine.size());
            student.put("downloads", 0);
            student.put("notDownloaded", mine.size());
            student.put("firstSessionDate", mine.get(mine.size() - 1).metadata.get("sessionDate"));
            student.put("lastSessionDate", mine.get(0).metadata.get("sessionDate"));
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("limit", 20);
            page.put("hasMore", false);
            page.put("nextCursor", null);
            ok(exchange, 200, Map.of("student", student, "uploads", rows, "page", page));
        }
    }

    private void recent(HttpExchange exchange) throws IOException {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        int limit = Integer.parseInt(query.getOrDefault("limit", "10"));
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        List<Upload> all = uploads.values().stream()
                .sorted(Comparator.comparingLong((Upload u) -> u.sequence).reversed()).toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Upload u : all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("fileId", u.fileId);
            row.put("fileName", u.metadata.get("fileName"));
            row.put("studentEmail", u.metadata.get("studentEmail"));
            row.put("studentName", u.metadata.get("studentName"));
            row.put("sessionDate", u.metadata.get("sessionDate"));
            row.put("uploadDate", u.initiatedAt.toString());
            row.put("fileSize", u.fileSize);
            row.put("emailSent", u.status.equals("COMPLETED"));
            row.put("downloadCount", 0);
            row.put("status", u.status);
            rows.add(row);
        }
        ok(exchange, 200, Map.of("uploads", rows, "pagination", Map.of("total", all.size(), "limit", limit,
                "offset", offset, "hasMore", offset + rows.size() < all.size())));
    }

    private Map<String, Object> details(Upload u) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("fileId", u.fileId);
        data.putAll(u.metadata);
        data.put("fileSize", u.fileSize);
        data.put("contentType", u.contentType);
        data.put("status", u.status);
        data.put("uploadDate", u.initiatedAt.toString());
        data.put("email", Map.of("sent", u.status.equals("COMPLETED")));
        data.put("downloadCount", 0);
        return data;
    }

    /** Part 1's URL, with the signature's first digit chosen when the test asks for one. */
    private String presignFirstPart(Upload upload) {
        Character wanted = firstInitialSignatureBeginsWith;
        String url = presignPart(upload, 1, URL_LIFETIME);
        // The signature covers X-Amz-Expires: each second less gives another signature, one in 16 begins as wanted.
        for (int less = 1; wanted != null && signature(url).charAt(0) != wanted; less++) {
            if (less > 600) {
                throw new IllegalStateException("No signature beginning with " + wanted + " in 600 tries");
            }
            url = presignPart(upload, 1, URL_LIFETIME.minusSeconds(less));
        }
        return url;
    }

    private static String signature(String url) {
        return url.substring(url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length());
    }

    private String presignPart(Upload upload, int partNumber, Duration lifetime) {
        return s3.presigner().presignUploadPart(UploadPartPresignRequest.builder()
                .signatureDuration(lifetime)
                .uploadPartRequest(UploadPartRequest.builder().bucket(bucket).key(upload.key)
                        .uploadId(upload.uploadId).partNumber(partNumber).build())
                .build()).url().toString();
    }

    private String presignPut(Upload upload) {
        return s3.presigner().presignPutObject(PutObjectPresignRequest.builder()
                .signatureDuration(URL_LIFETIME)
                .putObjectRequest(PutObjectRequest.builder().bucket(bucket).key(upload.key)
                        .contentType(upload.contentType).build())
                .build()).url().toString();
    }

    private static Map<String, String> field(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static JsonNode readBody(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
    }

    private static void ok(HttpExchange exchange, int status, Object data) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("data", data);
        send(exchange, status, body);
    }

    private static void error(HttpExchange exchange, int status, String code, String message,
            List<Map<String, String>> fields) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", status);
        error.put("code", code);
        error.put("message", message);
        error.put("fields", fields);
        send(exchange, status, Map.of("success", false, "error", error));
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
