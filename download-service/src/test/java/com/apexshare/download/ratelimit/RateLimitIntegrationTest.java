package com.apexshare.download.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.apexshare.download.DownloadServiceTestSupport;
import com.apexshare.download.link.LinkFixture;

class RateLimitIntegrationTest extends DownloadServiceTestSupport {

    /** The configured burst (see the test support); the sustained rate is 10 per second. */
    private static final int BURST = 20;

    @Test
    void shouldRefuseABurstOverTheLimitWithRetryAfter() throws Exception {
        // Given a client address that has made no look-ups yet
        String client = freshClientAddress();

        // When it makes many more look-ups at once than its burst allows
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < BURST + 60; i++) {
            responses.add(get("/d/" + LinkFixture.newToken(), client));
        }

        // Then its first burst is looked up (404: unknown), later ones get 429 with Retry-After and the error body
        assertThat(responses.subList(0, BURST)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(404));
        List<HttpResponse<String>> limited = responses.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(limited).isNotEmpty();
        assertThat(limited).allSatisfy(r -> {
            assertThat(r.headers().firstValue("Retry-After")).hasValueSatisfying(
                    v -> assertThat(Long.parseLong(v)).isPositive());
            assertThat(r.body()).contains("\"success\":false").contains("\"code\":\"RATE_LIMITED\"");
        });

        // And another client is not affected, on either endpoint
        String other = freshClientAddress();
        assertThat(get("/d/" + LinkFixture.newToken(), other).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/downloads/" + LinkFixture.newToken(), other).statusCode()).isEqualTo(404);
        // And probes are never limited
        assertThat(get("/actuator/health/liveness", client).statusCode()).isEqualTo(200);
    }
}
