package com.apexshare.identity.signingkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

class SigningKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void shouldCreateAnOwnerOnlyRsa2048KeyWhenTheFileIsMissingAndReadItBack() throws Exception {
        // Given no key file, in a folder that does not exist yet
        Path file = dir.resolve("data").resolve("identity-signing-key.json");

        // When the key is loaded twice
        RSAKey created = SigningKeyFile.loadOrCreate(file);
        RSAKey read = SigningKeyFile.loadOrCreate(file);

        // Then one 2048-bit private RSA key with a kid was created 0600, and read back unchanged
        assertThat(created.size()).isEqualTo(2048);
        assertThat(created.isPrivate()).isTrue();
        assertThat(created.getKeyID()).isNotBlank();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(read).isEqualTo(created);
    }

    @Test
    void shouldUseAKeyDevstackWroteInTheSameFormat() throws Exception {
        // Given a JWK file written by someone else (devstack)
        RSAKey key = new RSAKeyGenerator(2048).keyID("devstack-key").generate();
        Path file = Files.writeString(dir.resolve("key.json"), key.toJSONString());

        // When it is loaded
        RSAKey loaded = SigningKeyFile.loadOrCreate(file);

        // Then it is that key
        assertThat(loaded.getKeyID()).isEqualTo("devstack-key");
        assertThat(loaded.toRSAPublicKey()).isEqualTo(key.toRSAPublicKey());
    }

    @Test
    void shouldRefuseAFileWithoutThePrivateKeyOrNotAJwk() throws Exception {
        // Given a public key only, and a file that is not a JWK
        RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
        Path publicOnly = Files.writeString(dir.resolve("public.json"), key.toPublicJWK().toJSONString());
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "not json");

        // Then neither is used to sign
        assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(publicOnly)).hasMessageContaining("no private key");
        assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(garbage)).hasMessageContaining("is not an RSA JWK");
    }

    @Test
    void shouldMakeAFreshKeyWithoutAFile() {
        // When no file is configured, each start gets its own key
        assertThat(SigningKeyFile.loadOrCreate(null).getKeyID())
                .isNotEqualTo(SigningKeyFile.loadOrCreate(null).getKeyID());
    }
}
