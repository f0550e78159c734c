package com.apexshare.cli.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.apexshare.cli.api.UploadApiModel.Aborted;
import com.apexshare.cli.api.UploadApiModel.ActionState;
import com.apexshare.cli.api.UploadApiModel.AddressChange;
import com.apexshare.cli.api.UploadApiModel.CompletedPart;
import com.apexshare.cli.api.UploadApiModel.Completion;
import com.apexshare.cli.api.UploadApiModel.InitiateRequest;
import com.apexshare.cli.api.UploadApiModel.InitiatedUpload;
import com.apexshare.cli.api.UploadApiModel.PartUrls;
import com.apexshare.cli.api.UploadApiModel.PartsStatus;
import com.apexshare.cli.api.UploadApiModel.RecentUploads;
import com.apexshare.cli.api.UploadApiModel.SinglePutUrl;
import com.apexshare.cli.api.UploadApiModel.StudentUploads;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ApexShare API for one trainer (one bearer token): the upload calls and the dashboard. Unwraps
 * {@code {"success": true, "data": …}} and turns every other answer into an {@link ApiException}. Calls that are safe
 * to repeat (all but initiate) are retried on gateway errors and broken connections; a 401 asks the
 * {@link AccessTokens} once for a renewed token and repeats the call with it.
 */
public final class ApexShareApi {

    public static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final URI baseUrl;
    private final AccessTokens tokens;
    private final HttpClient http;
    private final RetryPolicy retry;

    /** With a fixed token (or none). */
    public ApexShareApi(URI baseUrl, String token, HttpClient http, RetryPolicy retry) {
        this(baseUrl, AccessTokens.fixed(token), http, retry);
    }

    public ApexShareApi(URI baseUrl, AccessTokens tokens, HttpClient http, RetryPolicy retry) {
        this.baseUrl = withoutTrailingSlash(baseUrl);
        this.tokens = tokens;
        this.http = http;
        this.retry = retry;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public InitiatedUpload initiate(InitiateRequest request) {
        // Not repeated: a lost answer would otherwise start a second upload.
        return call("POST", "/api/v1/uploads/initiate", request, false, InitiatedUpload.class);
    }

    public PartsStatus parts(String fileId) {
        return call("GET", "/api/v1/uploads/" + fileId + "/parts", null, true, PartsStatus.class);
    }

    public PartUrls partUrls(String fileId, List<Integer> partNumbers) {
        return call("POST", "/api/v1/uploads/" + fileId + "/parts/urls", Map.of("partNumbers", partNumbers), true,
                PartUrls.class);
    }

    public SinglePutUrl freshPutUrl(String fileId) {
        return call("POST", "/api/v1/uploads/" + fileId + "/parts/urls", Map.of(), true, SinglePutUrl.class);
    }

    public Completion complete(String fileId, List<CompletedPart> parts) {
        return call("POST", "/api/v1/uploads/" + fileId + "/complete", Map.of("parts", parts), true,
                Completion.class);
    }

    public Aborted abort(String fileId) {
        return call("POST", "/api/v1/uploads/" + fileId + "/abort", null, true, Aborted.class);
    }

    /** Not repeated on a transient failure: a repeat would be a second resend (and count against the limit). */
    public ActionState resend(String fileId) {
        return call("POST", "/api/v1/uploads/" + path(fileId) + "/resend", null, false, ActionState.class);
    }

    /** Not repeated on a transient failure: a repeat would start yet another link generation. */
    public ActionState changeAddress(String fileId, String studentEmail, String studentName) {
        return call("POST", "/api/v1/uploads/" + path(fileId) + "/student-address",
                new AddressChange(studentEmail, studentName), false, ActionState.class);
    }

    public ActionState changeExpiry(String fileId, Instant expiresAt) {
        return call("PUT", "/api/v1/uploads/" + path(fileId) + "/expiry", Map.of("expiresAt", expiresAt.toString()),
                true, ActionState.class);
    }

    public ActionState revoke(String fileId) {
        return call("POST", "/api/v1/uploads/" + path(fileId) + "/revoke", null, true, ActionState.class);
    }

    public ActionState delete(String fileId) {
        return call("POST", "/api/v1/uploads/" + path(fileId) + "/delete", null, true, ActionState.class);
    }

    public ActionState reminders(String fileId, boolean enabled) {
        return call("PUT", "/api/v1/uploads/" + path(fileId) + "/reminders", Map.of("enabled", enabled), true,
                ActionState.class);
    }

    /** Every upload for one student; {@code cursor} from the previous page, or null. */
    public StudentUploads student(String email, int limit, String cursor) {
        return call("GET", "/api/v1/students/" + path(email) + "/uploads?limit=" + limit
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), null, true,
                StudentUploads.class);
    }

    /** One path segment, percent-encoded (an address's {@code +}, an id typed with a slash). */
    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public RecentUploads recent(int limit, int offset) {
        return call("GET", "/api/v1/uploads/recent?limit=" + limit + "&offset=" + offset, null, true,
                RecentUploads.class);
    }

    /** One upload as the catalog describes it; its fields are shown as they come. */
    public JsonNode upload(String fileId) {
        return call("GET", "/api/v1/uploads/" + fileId, null, true, JsonNode.class);
    }

    private <T> T call(String method, String path, Object body, boolean repeatable, Class<T> type) {
        int attempt = 1;
        boolean renewed = false;
        String fresh = null;
        while (true) {
            String token = fresh != null ? fresh : tokens.current();
            fresh = null;
            try {
                return once(method, path, body, token, type);
            } catch (ApiRefused refused) {
                if (refused.status() == 401) {
                    // Once per call: a token the issuer just renewed that the API still refuses will not get better.
                    fresh = renewed ? null : tokens.renewed(token);
                    if (fresh == null) {
                        throw tokens.refusal(refused);
                    }
                    renewed = true;
                    // The API refused before doing anything: the same request again is safe, even an initiate.
                    continue;
                }
                if (!repeatable || !transientStatus(refused.status()) || attempt >= retry.attempts()) {
                    throw refused;
                }
            } catch (ApiAnswerUnreadable broken) {
                if (!repeatable || !(broken.getCause() instanceof IOException) || attempt >= retry.attempts()) {
                    throw broken;
                }
            }
            pause(attempt++);
        }
    }

    private <T> T once(String method, String path, Object body, String token, Class<T> type) {
        URI uri = URI.create(baseUrl + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(CALL_TIMEOUT)
                .header("Accept", "application/json")
                .header("User-Agent", "apexshare-cli");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token.strip());
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException | HttpConnectTimeoutException | UnknownHostException e) {
            throw new ApiUnreachable(baseUrl, e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnresolvedAddressException || e.getCause() instanceof ConnectException) {
                throw new ApiUnreachable(baseUrl, e);
            }
            throw new ApiAnswerUnreadable(method + " " + path + " broke off: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiAnswerUnreadable(method + " " + path + " was interrupted", e);
        }
        return read(method, path, response, type);
    }

    private <T> T read(String method, String path, HttpResponse<byte[]> response, Class<T> type) {
        int status = response.statusCode();
        JsonNode root = parse(response.body());
        if (status >= 200 && status < 300 && root != null && root.path("success").asBoolean(false)) {
            try {
                return JSON.treeToValue(root.path("data"), type);
            } catch (JacksonException e) {
                throw new ApiAnswerUnreadable(method + " " + path + ": unexpected answer (" + e.getOriginalMessage()
                        + ")", e);
            }
        }
        if (status >= 200 && status < 300) {
            throw new ApiAnswerUnreadable(method + " " + path + ": HTTP " + status
                    + " without an ApexShare answer (is --api-url the ApexShare gateway?)", null);
        }
        throw refusal(status, root, response.body());
    }

    static ApiRefused refusal(int status, JsonNode root, byte[] body) {
        JsonNode error = root == null ? null : root.path("error");
        if (error == null || !error.isObject()) {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).strip();
            String detail = text.isEmpty() || text.startsWith("<") || text.length() > 200
                    ? "HTTP " + status : "HTTP " + status + ": " + text;
            return new ApiRefused(status, "HTTP_" + status, detail, List.of());
        }
        List<ApiRefused.FieldProblem> fields = new ArrayList<>();
        for (JsonNode f : error.path("fields")) {
            fields.add(new ApiRefused.FieldProblem(f.path("field").asString(""), f.path("message").asString("")));
        }
        String message = error.path("message").asString("");
        return new ApiRefused(status, error.path("code").asString("HTTP_" + status),
                message.isBlank() ? "HTTP " + status : message, fields);
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static boolean transientStatus(int status) {
        return status == 502 || status == 503 || status == 504 || status == 429;
    }

    private void pause(int attempt) {
        try {
            retry.pauseAfter(attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiAnswerUnreadable("interrupted", e);
        }
    }

    private static URI withoutTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }
}
