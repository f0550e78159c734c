package com.apexshare.platform.startup;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import com.apexshare.platform.app.PlatformTestApplication;

/** A whole Spring Boot start-up of an application on the platform, refused before any bean connects anywhere. */
class StartupGuardIntegrationTest {

    @Test
    void shouldRefuseToStartOnDevelopmentDefaultsOutsideTheDevelopmentProfiles() {
        // Given an application on the postgres password and a loopback issuer, in no development profile (its config
        // locations leave out devstack's classpath:/config/application.properties, which adds the test profile), its
        // database on a port where nothing listens
        SpringApplicationBuilder application = new SpringApplicationBuilder(PlatformTestApplication.class)
                .web(WebApplicationType.NONE);

        // When it starts
        // Then it fails naming both settings, not on the unreachable database (nothing tried to connect)
        assertThatThrownBy(() -> application.run("--spring.config.location=optional:classpath:/application.yaml",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere",
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:8090/issuer"))
                .hasStackTraceContaining("Refusing to start on development defaults")
                .hasStackTraceContaining("spring.datasource.password (DB_PASSWORD)")
                .hasStackTraceContaining("issuer-uri points at http://127.0.0.1:8090/issuer")
                .hasStackTraceContaining("SPRING_PROFILES_ACTIVE=local");
    }
}
