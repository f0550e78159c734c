package com.apexshare.platform;

import static com.apexshare.platform.ErrorBodyIntegrationTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.apexshare.devstack.IdentityProvider;

/**
 * Cognito's access tokens carry the app client in {@code client_id} and no {@code aud}, and the groups in
 * {@code cognito:groups}: configuration alone makes the platform accept them (the accepted audience is then the app
 * client's id).
 */
@TestPropertySource(properties = {
        "apexshare.platform.security.audience-claims=aud,client_id",
        "apexshare.platform.security.trainer-claim=cognito:groups",
        "apexshare.platform.security.trainer-value=trainers"})
class CognitoTokensIntegrationTest extends PlatformIntegrationTest {

    private final String thing = "/api/things/" + UUID.randomUUID();

    @Test
    void shouldAcceptACognitoAccessTokenOfATrainer() {
        // Given a Cognito-style access token of a member of the trainers group
        String token = identity().mint(claims("sub", "c-1", "client_id", IdentityProvider.AUDIENCE, "token_use", "access",
                "cognito:groups", List.of("trainers")), Duration.ofHours(1));

        // Then it is let in
        assertThat(get(thing, token).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAnotherClientOrANonMember() {
        String otherClient = identity().mint(claims("sub", "c-1", "client_id", "someone-else",
                "cognito:groups", List.of("trainers")), Duration.ofHours(1));
        String notInGroup = identity().mint(claims("sub", "c-2", "client_id", IdentityProvider.AUDIENCE,
                "cognito:groups", List.of("students")), Duration.ofHours(1));

        assertError(get(thing, otherClient), 401, "UNAUTHORIZED");
        assertError(get(thing, notInGroup), 403, "FORBIDDEN");
    }
}
