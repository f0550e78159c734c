package com.apexshare.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.nimbusds.jwt.JWTClaimsSet;

/** The provider keeps nothing but its key: tokens it issued stay valid across a restart. */
class SigningKeyRestartIntegrationTest {

    @Test
    void shouldVerifyATokenIssuedBeforeARestartWithTheKeysServedAfterIt() throws Exception {
        // Given a provider with no key file yet, and a trainer's access token from it
        Path keyFile = ProviderIntegrationTest.tempDir().resolve("keys").resolve("signing-key.json");
        int port = ProviderIntegrationTest.freePort();
        String issuer = "http://127.0.0.1:" + port;
        String accessToken;
        try (ConfigurableApplicationContext first = start(port, keyFile)) {
            OAuthClient client = new OAuthClient(issuer);
            ProviderIntegrationTest.SignedIn signedIn = ProviderIntegrationTest.signInThroughGateway(client,
                    new Browser(issuer), ProviderIntegrationTest.TRAINER, ProviderIntegrationTest.TRAINER_PASSWORD);
            accessToken = client.exchangeAsConfidential(ProviderIntegrationTest.GATEWAY,
                    ProviderIntegrationTest.GATEWAY_SECRET, signedIn.code(), ProviderIntegrationTest.GATEWAY_REDIRECT,
                    signedIn.pkce().verifier()).accessToken();
        }

        // Then the key file was created for its owner only
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        String keyBefore = Files.readString(keyFile);

        // When the provider starts again with the same key file
        try (ConfigurableApplicationContext second = start(port, keyFile)) {
            // Then the token issued before verifies against the JWKS served now
            JWTClaimsSet claims = new OAuthClient(issuer).verify(accessToken);
            assertThat(claims.getSubject()).isEqualTo(ProviderIntegrationTest.TRAINER);
            assertThat(claims.getIssuer()).isEqualTo(issuer);
        }
        assertThat(Files.readString(keyFile)).as("the key file is read, not rewritten").isEqualTo(keyBefore);
    }

    private static ConfigurableApplicationContext start(int port, Path keyFile) {
        return new SpringApplicationBuilder(IdentityProviderApplication.class).run(
                "--server.port=" + port,
                "--apexshare.identity.issuer=http://127.0.0.1:" + port,
                "--apexshare.identity.signing-key-file=" + keyFile,
                "--apexshare.identity.gateway.client-secret=" + ProviderIntegrationTest.GATEWAY_SECRET,
                "--apexshare.identity.users[0].username=" + ProviderIntegrationTest.TRAINER,
                "--apexshare.identity.users[0].password=" + ProviderIntegrationTest.TRAINER_PASSWORD,
                "--apexshare.identity.users[0].roles=trainer");
    }
}
