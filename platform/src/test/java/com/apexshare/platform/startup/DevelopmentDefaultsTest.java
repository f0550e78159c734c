package com.apexshare.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DevelopmentDefaultsTest {

    private static StandardEnvironment environment(Map<String, Object> properties, String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        environment.setActiveProfiles(profiles);
        return environment;
    }

    @Test
    void shouldNameEveryDevelopmentDefaultOfAService() {
        // Given a service configured with the postgres password and the issuer on loopback
        StandardEnvironment environment = environment(Map.of(
                "spring.datasource.url", "jdbc:postgresql://db.internal:5432/upload",
                "spring.datasource.password", "postgres",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", "http://127.0.0.1:8090/issuer",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "http://localhost:8090/issuer/jwks"));

        // Then each setting is named, with the variable to set
        assertThat(DevelopmentDefaults.isDevelopment(environment)).isFalse();
        assertThat(DevelopmentDefaults.findIn(environment)).hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("spring.datasource.password (DB_PASSWORD)"))
                .anySatisfy(p -> assertThat(p).contains("issuer-uri points at http://127.0.0.1:8090/issuer"))
                .anySatisfy(p -> assertThat(p).contains("jwk-set-uri points at http://localhost:8090"));
    }

    @Test
    void shouldFindTheGatewaysLoopbackIssuerAndAnEmptyPassword() {
        // Given the gateway's OIDC client on loopback and no database password
        StandardEnvironment environment = environment(Map.of(
                "spring.datasource.url", "jdbc:postgresql://db.internal:5432/gateway",
                "spring.security.oauth2.client.provider.apexshare.issuer-uri", "http://[::1]:8090"));

        // Then both are named
        assertThat(DevelopmentDefaults.findIn(environment)).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("spring.datasource.password"))
                .anySatisfy(p -> assertThat(p).startsWith("spring.security.oauth2.client.provider.apexshare.issuer-uri"));
    }

    @Test
    void shouldAcceptProductionSettingsAndTheDevelopmentProfiles() {
        // Given real settings
        StandardEnvironment production = environment(Map.of(
                "spring.datasource.url", "jdbc:postgresql://db.internal:5432/upload",
                "spring.datasource.password", "s3cr3t-from-a-secret",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://cognito-idp.eu-west-1.amazonaws.com/x"));

        // Then nothing is found; and the local and test profiles are development
        assertThat(DevelopmentDefaults.findIn(production)).isEmpty();
        assertThat(DevelopmentDefaults.isDevelopment(environment(Map.of(), "local"))).isTrue();
        assertThat(DevelopmentDefaults.isDevelopment(environment(Map.of(), "prod", "test"))).isTrue();
        assertThat(DevelopmentDefaults.isLoopback("http://127.1.2.3/x")).isTrue();
        assertThat(DevelopmentDefaults.isLoopback("https://idp.example.com")).isFalse();
    }
}
