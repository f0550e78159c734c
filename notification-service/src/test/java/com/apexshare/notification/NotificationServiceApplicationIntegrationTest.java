package com.apexshare.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.IdentityProvider;

class NotificationServiceApplicationIntegrationTest extends SmtpContextIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldReportLivenessAndReadinessUp() throws Exception {
        assertThat(get("/actuator/health/liveness", null).body()).contains("\"UP\"");
        assertThat(get("/actuator/health/readiness", null).body()).contains("\"UP\"");
        assertThat(get("/actuator/prometheus", null).body()).contains("jvm_memory_used_bytes")
                .contains("apexshare_emails_pending").contains("apexshare_emails_stuck");
        HttpResponse<String> apiDocs = get("/v3/api-docs", null);
        assertThat(apiDocs.statusCode()).isEqualTo(200);
        assertThat(apiDocs.body()).contains("/api/v1/notifications/{fileId}");
    }

    @Test
    void shouldRefuseRequestsWithoutOrWithABadToken() throws Exception {
        IdentityProvider issuer = DevStack.identity();
        String wrongAudience = issuer.mint("t-1", "T", null, "someone-else", Duration.ofMinutes(5));
        String expired = issuer.mint("t-1", "T", null, IdentityProvider.AUDIENCE, Duration.ofMinutes(-5));
        String tampered = issuer.trainerToken("t-1", "T", null).replaceFirst("\\.[^.]+$", ".AAAA");

        for (String token : new String[] {null, "not-a-jwt", wrongAudience, expired, tampered}) {
            HttpResponse<String> response = get("/api/v1/uploads/anything", token);
            assertThat(response.statusCode()).as("token %s", token).isEqualTo(401);
            assertThat(response.body()).contains("\"success\":false");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        }
    }

    @Test
    void shouldRefuseAValidTokenWithoutTheTrainerRoleWithForbiddenAndTheErrorBody() throws Exception {
        // Given a valid token of the right issuer and audience, but without the trainer role
        String notATrainer = DevStack.identity().mint(Map.of("sub", "student-1", "aud", IdentityProvider.AUDIENCE,
                IdentityProvider.ROLES_CLAIM, List.of("student")), Duration.ofMinutes(5));

        // When the student asks for an upload's emails
        HttpResponse<String> response = get("/api/v1/notifications/" + UUID.randomUUID(), notATrainer);

        // Then it is forbidden, with the error body and nothing about the upload
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"success\":false", "\"status\":403", "\"code\":\"FORBIDDEN\"")
                .doesNotContain("emails").doesNotContain("Exception");
    }

    @Test
    void shouldAnswerAnUnknownUploadWithNotFoundAndTheErrorBody() throws Exception {
        // Given a trainer and an upload this service has never heard of
        String token = DevStack.identity().trainerToken("t-404", "Tom", null);
        UUID fileId = UUID.randomUUID();

        // When the trainer asks for its emails
        HttpResponse<String> response = get("/api/v1/notifications/" + fileId, token);

        // Then the platform's error body carries the service's own mapping
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"success\":false", "\"code\":\"UPLOAD_NOT_FOUND\"",
                "No upload " + fileId + " is known for this trainer");
    }

    @Test
    void shouldLetAValidTokenThrough() throws Exception {
        String token = DevStack.identity().trainerToken("t-1", "Tom", "tom@school.example");

        HttpResponse<String> response = get("/api/v1/uploads/does-not-exist", token);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"success\":false").doesNotContain("Exception");
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
