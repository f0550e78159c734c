package com.apexshare.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class DiscoveryIntegrationTest extends ProviderIntegrationTest {

    @Test
    void shouldPublishTheOpenIdConfigurationWithEveryEndpointTheClientsUse() {
        // When a client reads the discovery document
        JsonNode discovery = client.json("/.well-known/openid-configuration");

        // Then it names the issuer and every endpoint of the contract under it
        assertThat(discovery.get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(discovery.get("authorization_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/authorize");
        assertThat(discovery.get("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(discovery.get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(discovery.get("device_authorization_endpoint").asString())
                .isEqualTo(ISSUER + "/oauth2/device_authorization");
        assertThat(discovery.get("end_session_endpoint").asString()).isEqualTo(ISSUER + "/connect/logout");
        assertThat(discovery.get("userinfo_endpoint").asString()).isEqualTo(ISSUER + "/userinfo");
        assertThat(discovery.get("id_token_signing_alg_values_supported").toString()).contains("RS256");
        assertThat(discovery.get("code_challenge_methods_supported").toString()).contains("S256");
    }

    @Test
    void shouldPublishOnlyThePublicHalfOfItsRsaSigningKey() {
        // When a service fetches the keys
        JsonNode keys = client.json("/oauth2/jwks").get("keys");

        // Then there is one RSA signing key with a kid, and nothing private
        assertThat(keys).hasSize(1);
        JsonNode key = keys.get(0);
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.get("kid").asString()).isNotBlank();
        assertThat(key.has("n")).isTrue();
        assertThat(key.has("d")).isFalse();
        assertThat(key.has("p")).isFalse();
    }
}
