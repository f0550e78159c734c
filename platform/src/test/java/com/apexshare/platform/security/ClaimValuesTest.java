package com.apexshare.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ClaimValuesTest {

    @Test
    void shouldReadArraysStringsAndNestedClaims() {
        // Given claims as Keycloak, Cognito, OAuth scopes and namespaced issuers write them
        Map<String, Object> claims = Map.of(
                "realm_access", Map.of("roles", List.of("offline_access", "trainer")),
                "cognito:groups", List.of("trainers"),
                "scope", "openid  profile apexshare.trainer",
                "https://apexshare.example/roles", List.of("trainer"),
                "count", 3);

        // When values are looked up by path / Then each is found as a list of strings
        assertThat(ClaimValues.of(claims, "realm_access.roles")).containsExactly("offline_access", "trainer");
        assertThat(ClaimValues.of(claims, "cognito:groups")).containsExactly("trainers");
        assertThat(ClaimValues.of(claims, "scope")).containsExactly("openid", "profile", "apexshare.trainer");
        assertThat(ClaimValues.of(claims, "https://apexshare.example/roles")).containsExactly("trainer");
        assertThat(ClaimValues.of(claims, "realm_access.missing")).isEmpty();
        assertThat(ClaimValues.of(claims, "nope")).isEmpty();
        assertThat(ClaimValues.of(claims, "count")).isEmpty();
    }
}
