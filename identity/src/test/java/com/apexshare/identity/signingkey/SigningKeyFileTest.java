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

    /** One key for the tests that need someone else's: RSA key generation is slow on a busy machine. */
    private static final RSAKey OTHERS = generate();

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
        Path file = Files.writeString(dir.resolve("key.json"), OTHERS.toJSONString());

        // When it is loaded
        RSAKey loaded = SigningKeyFile.loadOrCreate(file);

        // Then it is that key
        assertThat(loaded.getKeyID()).isEqualTo("devstack-key");
        assertThat(loaded.toRSAPublicKey()).isEqualTo(OTHERS.toRSAPublicKey());
    }

    @Test
    void shouldRefuseAFileWithoutThePrivateKeyOrNotAJwk() throws Exception {
        // Given a public key only, and a file that is not a JWK
        Path publicOnly = Files.writeString(dir.resolve("public.json"), OTHERS.toPublicJWK().toJSONString());
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "not json");

        // Then neither is used to sign
        assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(publicOnly)).hasMessageContaining("no private key");
        assertThatThrownBy(() -> SigningKeyFile.loadOrCreate(garbage)).hasMessageContaining("is not an RSA JWK");
    }

    @Test
    void shouldSignWithAKeyOfItsOwnWithoutAFile() {
        // When no file is configured, the key lives in memory only
        RSAKey key = SigningKeyFile.loadOrCreate(null);

        // Then it is a private RSA key with a kid, and no file was written
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getKeyID()).isNotBlank();
        assertThat(dir).isEmptyDirectory();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("devstack-key").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
