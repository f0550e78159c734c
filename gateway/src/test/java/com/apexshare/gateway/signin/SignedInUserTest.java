package com.apexshare.gateway.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SignedInUserTest {

    @Test
    void shouldReadAnArrayClaim() {
        SignedInUser user = SignedInUser.from(Map.of("sub", "u1", "name", "Ann", "email", "ann@x.example",
                "roles", List.of("trainer", "admin")), "roles");

        assertThat(user).isEqualTo(new SignedInUser("u1", "Ann", "ann@x.example", List.of("trainer", "admin")));
    }

    @Test
    void shouldSplitAStringClaimAtSpacesAndWalkNestedClaims() {
        assertThat(SignedInUser.from(Map.of("sub", "u1", "scope", "openid  trainer"), "scope").roles())
                .containsExactly("openid", "trainer");
        assertThat(SignedInUser.from(Map.of("sub", "u1", "realm_access", Map.of("roles", List.of("trainer"))),
                "realm_access.roles").roles()).containsExactly("trainer");
        assertThat(SignedInUser.from(Map.of("sub", "u1", "cognito:groups", List.of("trainers")), "cognito:groups")
                .roles()).containsExactly("trainers");
    }

    @Test
    void shouldHaveNoRolesWithoutTheClaim() {
        SignedInUser user = SignedInUser.from(Map.of("sub", "u1"), "roles");

        assertThat(user.roles()).isEmpty();
        assertThat(user.name()).isNull();
    }
}
