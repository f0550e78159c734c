package com.apexshare.cli.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Reading a token's claims for display (no signature check: the API does that). */
class TokenClaimsTest {

    @Test
    void shouldReadTheApexShareProvidersClaims() {
        String token = jwt("{\"sub\":\"trainer@apexshare.local\",\"name\":\"Demo Trainer\",\"email\":"
                + "\"trainer@apexshare.local\",\"roles\":[\"trainer\"],\"exp\":1796119200,\"iss\":\"http://127.0.0.1:8090\"}");
        TokenClaims claims = TokenClaims.of(token).orElseThrow();
        assertThat(claims.who()).isEqualTo("Demo Trainer <trainer@apexshare.local>");
        assertThat(claims.subject()).hasValue("trainer@apexshare.local");
        assertThat(claims.roles()).containsExactly("trainer");
        assertThat(claims.expiresAt()).hasValue(Instant.ofEpochSecond(1796119200));
        assertThat(claims.issuer()).hasValue("http://127.0.0.1:8090");
    }

    @Test
    void shouldReadCognitoAndKeycloakNames() {
        // Cognito access tokens: username and cognito:groups; Keycloak: preferred_username and realm_access.roles
        TokenClaims cognito = TokenClaims.of(jwt("{\"sub\":\"9f1c\",\"username\":\"tess\",\"cognito:groups\":"
                + "[\"trainer\",\"admin\"]}")).orElseThrow();
        TokenClaims keycloak = TokenClaims.of(jwt("{\"sub\":\"7a2b\",\"preferred_username\":\"tess\",\"email\":"
                + "\"tess@example.com\",\"realm_access\":{\"roles\":[\"trainer\"]}}")).orElseThrow();
        assertThat(cognito.who()).isEqualTo("tess");
        assertThat(cognito.roles()).containsExactly("trainer", "admin");
        assertThat(keycloak.who()).isEqualTo("tess <tess@example.com>");
        assertThat(keycloak.roles()).containsExactly("trainer");
    }

    @Test
    void shouldTellAnOpaqueOrDamagedTokenFromAJwt() {
        assertThat(TokenClaims.of("2YotnFZFEjr1zCsicMWpAA")).isEmpty();
        assertThat(TokenClaims.of("a.%%%.c")).isEmpty();
        assertThat(TokenClaims.of("a." + Base64.getUrlEncoder().encodeToString("[1]".getBytes()) + ".c")).isEmpty();
        assertThat(TokenClaims.of((String) null)).isEmpty();
    }

    private static String jwt(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }
}
