package com.apexshare.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class IdentityPropertiesTest {

    private static final IdentityProperties.User TRAINER =
            new IdentityProperties.User("trainer@apexshare.local", "pw", "T", "t@x", List.of("trainer"));
    private static final IdentityProperties.Gateway GATEWAY = new IdentityProperties.Gateway("apexshare-gateway",
            "secret", List.of("http://127.0.0.1:8080/cb"), List.of("http://127.0.0.1:8080/"), Duration.ofHours(12));

    @Test
    void shouldRefuseToStartWithoutTheGatewaySecretOrTheDemoPassword() {
        // Then a provider without credentials never starts with a guessable one
        assertThatThrownBy(() -> new IdentityProperties.Gateway("apexshare-gateway", " ", List.of(), List.of(),
                Duration.ofHours(1))).hasMessageContaining("IDENTITY_GATEWAY_CLIENT_SECRET");
        assertThatThrownBy(() -> new IdentityProperties.User("trainer@apexshare.local", "", "T", "t@x",
                List.of("trainer"))).hasMessageContaining("IDENTITY_DEMO_PASSWORD");
        assertThatThrownBy(() -> properties("http://127.0.0.1:8090", List.of()))
                .hasMessageContaining("at least one trainer");
        assertThatThrownBy(() -> properties(" ", List.of(TRAINER))).hasMessageContaining("IDENTITY_ISSUER");
    }

    @Test
    void shouldDropATrailingSlashFromTheIssuer() {
        // Then "iss" is exactly what the services are configured with
        assertThat(properties("http://127.0.0.1:8090/", List.of(TRAINER)).issuer()).isEqualTo("http://127.0.0.1:8090");
    }

    private static IdentityProperties properties(String issuer, List<IdentityProperties.User> users) {
        return new IdentityProperties(issuer, "apexshare-api", Duration.ofMinutes(15), null, null, GATEWAY,
                new IdentityProperties.Cli("apexshare-cli", List.of("http://127.0.0.1/callback"), Duration.ofDays(30),
                        Duration.ofMinutes(10)),
                users, new IdentityProperties.Mfa(false, Duration.ofMinutes(5), "no-reply@apexshare.local"));
    }
}
