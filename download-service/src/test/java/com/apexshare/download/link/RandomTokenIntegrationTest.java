package com.apexshare.download.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.apexshare.download.DownloadServiceTestSupport;

import io.micrometer.core.instrument.MeterRegistry;

class RandomTokenIntegrationTest extends DownloadServiceTestSupport {

    private static final int GUESSES = 10_000;

    @Autowired
    MeterRegistry metrics;

    @Test
    void shouldFindNoneOfTenThousandRandomTokens() throws Exception {
        // Given working links exist
        fixture.ready("real.mp4", LinkFixture.randomBytes(64));
        double openedBefore = opened();

        // When 10,000 well-formed random tokens are tried (each from an address of its own, so no rate limit applies)
        Semaphore inFlight = new Semaphore(8);
        AtomicInteger hits = new AtomicInteger();
        ConcurrentHashMap<String, Integer> bodies = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> calls = new ArrayList<>(GUESSES);
        for (int i = 0; i < GUESSES; i++) {
            String client = "10.200." + (i >> 8) + "." + (i & 0xFF);
            inFlight.acquire();
            calls.add(HTTP.sendAsync(request("/d/" + LinkFixture.newToken(), client).GET().build(),
                            HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        inFlight.release();
                        if (error != null || response.statusCode() != 404) {
                            hits.incrementAndGet();
                        } else {
                            bodies.merge(response.body(), 1, Integer::sum);
                        }
                    }));
        }
        CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).exceptionally(e -> null).join();

        // Then every one is a 404 with the same body, and no link was opened
        assertThat(hits).hasValue(0);
        assertThat(bodies).hasSize(1);
        assertThat(bodies.values()).containsExactly(GUESSES);
        assertThat(bodies.keySet().iterator().next()).contains("\"code\":\"LINK_NOT_FOUND\"");
        assertThat(opened()).isEqualTo(openedBefore);
    }

    private double opened() {
        return metrics.find(DownloadMetrics.OPENED).counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
