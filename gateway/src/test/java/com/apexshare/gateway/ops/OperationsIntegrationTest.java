package com.apexshare.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.apexshare.gateway.support.GatewayInstance;
import com.apexshare.gateway.support.TestEnvironment;

import tools.jackson.databind.json.JsonMapper;

/** Probes and metrics on the management port only; per-route timers. */
class OperationsIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static GatewayInstance gateway;

    @BeforeAll
    static void start() {
        gateway = TestEnvironment.gateway();
    }

    @Test
    void shouldAnswerProbesOnTheManagementPortWithTheSessionDatabaseInReadiness() throws Exception {
        HttpResponse<String> liveness = get(gateway.managementUri().resolve("/actuator/health/liveness"));
        HttpResponse<String> readiness = get(gateway.managementUri().resolve("/actuator/health/readiness"));

        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(liveness.body()).get("status").asString()).isEqualTo("UP");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.body()).get("status").asString()).isEqualTo("UP");
        assertThat(JSON.readTree(readiness.body()).at("/components/db/status").asString()).isEqualTo("UP");
    }

    @Test
    void shouldTimeEachRouteByStatusInPrometheus() throws Exception {
        // Given a few proxied calls
        get(gateway.uri("/d/metrics-test-token"));
        get(gateway.uri("/api/v1/downloads/metrics-test-token"));

        // When Prometheus scrapes the management port
        HttpResponse<String> scrape = get(gateway.managementUri().resolve("/actuator/prometheus"));

        // Then the route timers are there, tagged by route, method and status
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("apexshare_gateway_route_requests_seconds_count{")
                .containsPattern("apexshare_gateway_route_requests_seconds_count\\{[^}]*route=\"download-link\"[^}]*status=\"302\"")
                .containsPattern("apexshare_gateway_route_requests_seconds_bucket\\{[^}]*route=\"download-api\"");
    }

    @Test
    void shouldNotExposeTheActuatorOnThePublicPort() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/prometheus", "/actuator/env"}) {
            HttpResponse<String> response = get(gateway.uri(path));
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).contains("\"success\":false");
        }
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
