package com.apexshare.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

class DownloadServiceApplicationIntegrationTest extends DownloadServiceTestSupport {

    @Test
    void shouldReportLivenessAndReadinessUp() throws Exception {
        // Given the running service
        String client = freshClientAddress();

        // When probes, scrapers and API clients ask
        // Then they are answered without credentials
        assertThat(get("/actuator/health/liveness", client).body()).contains("\"UP\"");
        assertThat(get("/actuator/health/readiness", client).body()).contains("\"UP\"");
        assertThat(get("/actuator/prometheus", client).body())
                .contains("jvm_memory_used_bytes")
                .contains("apexshare_downloads_opened_total")
                .contains("apexshare_downloads_refused_total{application=\"download-service\",reason=\"rate_limited\"}");
        HttpResponse<String> apiDocs = get("/v3/api-docs", client);
        assertThat(apiDocs.statusCode()).isEqualTo(200);
        assertThat(apiDocs.body()).contains("/d/{token}").contains("/api/v1/downloads/{token}")
                .contains("/api/v1/downloads/{token}/info").contains("/api/v1/downloads/{token}/start");
    }

    @Test
    void shouldServeTheStudentEndpointsWithoutAnyToken() throws Exception {
        // Given a student without an account, and one sending a stray bearer token
        String client = freshClientAddress();
        String unknown = "A".repeat(43);

        // When they open links without (or with a meaningless) Authorization header
        HttpResponse<String> plain = get("/d/" + unknown, client);
        HttpResponse<String> withBearer = HTTP.send(request("/api/v1/downloads/" + unknown, client)
                .header("Authorization", "Bearer not-a-jwt").GET().build(), HttpResponse.BodyHandlers.ofString());

        // Then the link itself decides the answer (here: unknown), never a 401
        assertThat(plain.statusCode()).isEqualTo(404);
        assertThat(withBearer.statusCode()).isEqualTo(404);
        assertThat(plain.body()).contains("\"code\":\"LINK_NOT_FOUND\"").doesNotContain("Exception");
        assertThat(plain.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(plain.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(plain.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }
}
