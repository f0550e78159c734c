package com.apexshare.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.IdentityProvider;

import tools.jackson.databind.JsonNode;

class CatalogServiceApplicationIntegrationTest extends CatalogIntegrationTest {

    @Test
    void shouldReportLivenessAndReadinessUp() {
        assertThat(get("/actuator/health/liveness", null).body()).contains("\"UP\"");
        assertThat(get("/actuator/health/readiness", null).body()).contains("\"UP\"");
        assertThat(get("/actuator/prometheus", null).body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void shouldDescribeTheDashboardApi() {
        // When
        JsonNode api = getJson("/v3/api-docs", null);

        // Then
        assertThat(api.path("paths").has("/api/v1/uploads/recent")).isTrue();
        assertThat(api.path("paths").has("/api/v1/uploads")).isTrue();
        assertThat(api.path("paths").has("/api/v1/uploads/{fileId}")).isTrue();
        assertThat(api.path("paths").path("/api/v1/uploads/{fileId}/downloads").has("get")).isTrue();
        assertThat(api.path("components").path("securitySchemes").has("bearer-jwt")).isTrue();
    }

    @Test
    void shouldExposeAppliedEventsPerTypeAndConsumerLag() {
        // Given an event the catalog has applied
        String fileId = UUID.randomUUID().toString();
        awaitApplied(publish(TestEvents.initiated(fileId, "trainer-metrics", TestEvents.now()).build()));

        // When
        String metrics = get("/actuator/prometheus", null).body();

        // Then
        assertThat(metrics).contains("catalog_events_applied_total{application=\"catalog-service\",type=\"UploadInitiated\"}");
        assertThat(metrics).contains("kafka_consumer_fetch_manager_records_lag");
    }

    @Test
    void shouldRefuseRequestsWithoutOrWithABadToken() {
        IdentityProvider issuer = DevStack.identity();
        String wrongAudience = issuer.mint("t-1", "T", null, "someone-else", Duration.ofMinutes(5));
        String expired = issuer.mint("t-1", "T", null, IdentityProvider.AUDIENCE, Duration.ofMinutes(-5));
        String tampered = issuer.trainerToken("t-1", "T", null).replaceFirst("\\.[^.]+$", ".AAAA");

        for (String token : new String[] {null, "not-a-jwt", wrongAudience, expired, tampered}) {
            HttpResponse<String> response = get("/api/v1/uploads/recent", token);
            assertThat(response.statusCode()).as("token %s", token).isEqualTo(401);
            assertThat(response.body()).contains("\"success\":false");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
        }
    }

    @Test
    void shouldRefuseAValidTokenWithoutTheTrainerRoleWithForbiddenAndTheErrorBody() {
        // Given a valid token of the right issuer and audience, but without the trainer role
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "student-1");
        claims.put("aud", IdentityProvider.AUDIENCE);
        claims.put(IdentityProvider.ROLES_CLAIM, List.of("student"));
        String notATrainer = DevStack.identity().mint(claims, Duration.ofMinutes(5));

        // When
        HttpResponse<String> response = get("/api/v1/uploads/recent", notATrainer);

        // Then
        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("success").asBoolean(true)).isFalse();
        assertThat(error.path("error").path("status").asInt()).isEqualTo(403);
        assertThat(error.path("error").path("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(error.path("error").path("message").asString()).contains("trainer");
        assertThat(error.path("error").path("fields").isArray()).isTrue();
        assertThat(response.body()).doesNotContain("uploads").doesNotContain("Exception");
    }

    @Test
    void shouldLetAValidTokenThrough() {
        String token = DevStack.identity().trainerToken("t-1", "Tom", "tom@school.example");

        HttpResponse<String> response = get("/api/v1/uploads/does-not-exist", token);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"success\":false").contains("UPLOAD_NOT_FOUND").doesNotContain("Exception");
    }
}
