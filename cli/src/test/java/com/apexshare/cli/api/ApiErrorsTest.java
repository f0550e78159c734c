package com.apexshare.cli.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** How API refusals read for the trainer. */
class ApiErrorsTest {

    @Test
    void shouldShowTheMessageAndEveryFieldError() {
        // Given the brief's error body with two field errors
        String body = """
                {"success": false, "error": {"status": 400, "code": "VALIDATION_FAILED",
                 "message": "Invalid request: fileSize, studentEmail",
                 "fields": [{"field": "fileSize", "message": "must be at most 5 GiB"},
                            {"field": "studentEmail", "message": "must be a well-formed email address"}]}}""";

        // When it is read
        ApiRefused refused = ApexShareApi.refusal(400, ApexShareApi.JSON.readTree(body),
                body.getBytes(StandardCharsets.UTF_8));

        // Then the message comes first, then one line per field
        assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.describe()).isEqualTo("Invalid request: fileSize, studentEmail\n"
                + "  fileSize: must be at most 5 GiB\n"
                + "  studentEmail: must be a well-formed email address");
    }

    @Test
    void shouldTellTheTrainerToSetATokenOn401WhateverTheBody() {
        // Given a 401 without a body (as Spring Security answers), When described, Then the token is named
        ApiRefused refused = ApexShareApi.refusal(401, null, new byte[0]);
        assertThat(refused.describe()).isEqualTo("your token is missing or expired (set APEXSHARE_TOKEN)");
    }

    @Test
    void shouldDescribeOtherRefusalsByTheirMeaning() {
        // Given a 404 in the brief's style, an HTML 502 from a proxy and a plain-text 429
        ApiRefused notFound = new ApiRefused(404, "UPLOAD_NOT_FOUND", "Upload 42 not found", List.of());
        ApiRefused badGateway = ApexShareApi.refusal(502, null,
                "<html><body>Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8));
        ApiRefused tooMany = ApexShareApi.refusal(429, null, "slow down".getBytes(StandardCharsets.UTF_8));

        // When described, Then each says what it means without HTML noise
        assertThat(notFound.describe()).isEqualTo("Upload 42 not found (it does not exist or belongs to another trainer)");
        assertThat(badGateway.describe()).isEqualTo("ApexShare failed (HTTP 502): HTTP 502");
        assertThat(tooMany.describe()).isEqualTo("too many requests, try again in a moment: HTTP 429: slow down");
    }

    @Test
    void shouldSayApexShareIsNotRunningWhenTheConnectionIsRefused() throws Exception {
        // Given an API URL where nothing listens
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ApexShareApi api = new ApexShareApi(URI.create("http://127.0.0.1:" + port + "/"), "t",
                HttpClient.newHttpClient(), new RetryPolicy(1, Duration.ZERO, Duration.ZERO));

        // When it is called, Then the trainer is asked whether ApexShare runs there
        assertThatThrownBy(() -> api.recent(10, 0)).isInstanceOfSatisfying(ApiUnreachable.class,
                e -> assertThat(e.describe()).startsWith("cannot reach http://127.0.0.1:" + port
                        + ": is ApexShare running?"));
    }

    @Test
    void shouldWaitLongerAfterEachFailedAttemptUpToTheLimit() {
        // Given the standard policy, When the waits are computed, Then they double (±20 %) up to 8 s
        RetryPolicy policy = RetryPolicy.STANDARD;
        assertThat(policy.delayAfter(1).toMillis()).isBetween(400L, 600L);
        assertThat(policy.delayAfter(3).toMillis()).isBetween(1600L, 2400L);
        assertThat(policy.delayAfter(10).toMillis()).isBetween(6400L, 9600L);
    }
}
