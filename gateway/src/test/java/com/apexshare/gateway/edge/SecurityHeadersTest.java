package com.apexshare.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void shouldBuildAStrictPolicyWithTheExtraOriginsForConnectAndMediaOnly() {
        SecurityHeaders headers = SecurityHeaders.of(List.of("https://bucket.s3.eu-west-1.amazonaws.com"),
                "https://id.apexshare.example", Duration.ofDays(365));

        String csp = headers.always().get("Content-Security-Policy");
        assertThat(csp).startsWith("default-src 'self';")
                .contains("connect-src 'self' https://bucket.s3.eu-west-1.amazonaws.com;")
                .contains("media-src 'self' https://bucket.s3.eu-west-1.amazonaws.com;")
                .contains("script-src 'self';").contains("frame-ancestors 'none'")
                .contains("form-action 'self' https://id.apexshare.example")
                .doesNotContain("unsafe");
        assertThat(headers.always()).containsEntry("X-Frame-Options", "DENY")
                .containsEntry("X-Content-Type-Options", "nosniff").containsEntry("Referrer-Policy", "no-referrer");
        assertThat(headers.strictTransportSecurity()).isEqualTo("max-age=31536000; includeSubDomains");
    }

    @Test
    void shouldRefuseAnOriginThatCouldInjectDirectives() {
        assertThatThrownBy(() -> SecurityHeaders.of(List.of("https://x.example; script-src *"), null,
                Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecurityHeaders.of(List.of("*"), null, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
