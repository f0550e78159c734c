package com.apexshare.platform;

import static com.apexshare.platform.ErrorBodyIntegrationTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.apexshare.devstack.IdentityProvider;

/** Trainer endpoints need a valid token of the right issuer and audience that carries the trainer role. */
class TrainerSecurityIntegrationTest extends PlatformIntegrationTest {

    private final String thing = "/api/things/" + UUID.randomUUID();

    /** One character of the signature changed: the token no longer verifies. */
    private static String tamper(String token) {
        int at = token.length() - 10;
        char replacement = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + replacement + token.substring(at + 1);
    }

    @Test
    void shouldLetATrainerIn() {
        assertThat(get(thing, trainerToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswer401WithTheBodyAndWwwAuthenticateWithoutAValidToken() {
        // Given no token, garbage, an expired token, a wrong audience, a token of another issuer's key
        String expired = identity().mint("trainer-7", "T", "t@x", IdentityProvider.AUDIENCE, Duration.ofMinutes(-5));
        String otherAudience = identity().mint("trainer-7", "T", "t@x", "some-other-api", Duration.ofHours(1));
        String tampered = tamper(trainerToken());
        for (String token : new String[] {null, "garbage", expired, otherAudience, tampered}) {
            // When it calls / Then 401 with the body and the bearer challenge
            HttpResponse<String> response = get(thing, token);
            assertError(response, 401, "UNAUTHORIZED");
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    h -> assertThat(h).startsWith("Bearer"));
        }
    }

    @Test
    void shouldAnswer403WithTheBodyForAValidTokenWithoutTheTrainerRole() {
        // Given valid tokens of the issuer and audience that are not a trainer's
        String noRole = identity().mint(claims("sub", "student-1", "aud", IdentityProvider.AUDIENCE), Duration.ofHours(1));
        String otherRole = identity().mint(claims("sub", "ops-1", "aud", IdentityProvider.AUDIENCE,
                "roles", List.of("operator")), Duration.ofHours(1));
        String roleAsScope = identity().mint(claims("sub", "x", "aud", IdentityProvider.AUDIENCE, "scope", "trainer"),
                Duration.ofHours(1));
        for (String token : new String[] {noRole, otherRole, roleAsScope}) {
            // When it calls a trainer endpoint / Then 403 with the body
            HttpResponse<String> response = get(thing, token);
            assertError(response, 403, "FORBIDDEN");
            assertThat(response.body()).contains("trainer role");
        }
    }

    @Test
    void shouldLeaveProbesMetricsApiDocsAndConfiguredPublicPathsOpen() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/prometheus",
                "/v3/api-docs", "/api/public/ping")) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void shouldDescribeTheApiWithItsTitleAndTheBearerScheme() {
        String docs = get("/v3/api-docs", null).body();
        assertThat(docs).contains("ApexShare platform-test").contains("The platform's test service.")
                .contains("bearer-jwt");
    }

    @Test
    void shouldAcceptTheRoleFromAnArrayOrASpaceSeparatedString() {
        // Given the role as a one-element string rather than an array
        String token = identity().mint(Map.of("sub", "t", "aud", IdentityProvider.AUDIENCE, "roles", "viewer trainer"),
                Duration.ofHours(1));
        // Then it is a trainer
        assertThat(get(thing, token).statusCode()).isEqualTo(200);
    }
}
