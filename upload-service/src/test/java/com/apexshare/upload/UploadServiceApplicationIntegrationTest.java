package com.apexshare.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.IdentityProvider;
import com.apexshare.events.Topics;

import tools.jackson.databind.JsonNode;

class UploadServiceApplicationIntegrationTest extends UploadIntegrationTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldReportLivenessAndReadinessUp() throws Exception {
        assertThat(get("/actuator/health/liveness", null).body()).contains("\"UP\"");
        assertThat(get("/actuator/health/readiness", null).body()).contains("\"UP\"");
        assertThat(get("/actuator/prometheus", null).body()).contains("jvm_memory_used_bytes");
        assertThat(get("/v3/api-docs", null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldDescribeTheUploadApiAndExposeItsMetrics() throws Exception {
        // Given one started upload, so that the upload meters exist
        String token = token(newTrainer());
        assertThat(post("/api/v1/uploads/initiate", token, initiateBody("metrics.mp4", 1000)).statusCode())
                .isEqualTo(201);

        // When the API description and the metrics are fetched
        String apiDocs = get("/v3/api-docs", null).body();
        String metrics = get("/actuator/prometheus", null).body();

        // Then every endpoint is described and the upload meters are exported
        assertThat(apiDocs).contains("/api/v1/uploads/initiate", "/api/v1/uploads/{fileId}/parts",
                "/api/v1/uploads/{fileId}/parts/urls", "/api/v1/uploads/{fileId}/complete",
                "/api/v1/uploads/{fileId}/abort", "bearer");
        assertThat(metrics).contains("apexshare_uploads_started_total", "apexshare_uploads_bytes_declared_bytes",
                "apexshare_upload_presign_seconds");
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
    void shouldLetAValidTokenThrough() throws Exception {
        String token = DevStack.identity().trainerToken("t-1", "Tom", "tom@school.example");

        HttpResponse<String> response = get("/api/v1/uploads/does-not-exist", token);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"success\":false").doesNotContain("Exception");
    }

    @Test
    void shouldRefuseAValidTokenWithoutTheTrainerRoleWith403AndTheErrorBody() throws Exception {
        // Given a valid token of the issuer, for the API's audience, that does not carry the trainer role
        String subject = newTrainer();
        String student = DevStack.identity().mint(Map.of("sub", subject, "aud", IdentityProvider.AUDIENCE, "name", "Sue",
                "email", subject + "@school.example", IdentityProvider.ROLES_CLAIM, List.of("student")),
                Duration.ofMinutes(5));
        long initiatedBefore = endOffsets(Topics.UPLOAD_INITIATED.name());

        // When it starts an upload
        HttpResponse<String> response = post("/api/v1/uploads/initiate", student, initiateBody("ride.mp4", 1000));

        // Then 403 with the brief's error body, and nothing was started
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("success").asBoolean(true)).isFalse();
        assertThat(body.path("error").path("status").asInt()).isEqualTo(403);
        assertThat(body.path("error").path("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(body.path("error").path("message").asString()).contains("trainer role");
        assertThat(body.path("error").path("fields")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM upload_session WHERE trainer_id = ?", Long.class,
                subject)).isZero();
        assertThat(endOffsets(Topics.UPLOAD_INITIATED.name())).isEqualTo(initiatedBefore);
    }
}
