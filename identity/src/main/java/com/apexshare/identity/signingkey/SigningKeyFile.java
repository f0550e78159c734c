package com.apexshare.identity.signingkey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The signing key as a JWK JSON file (RSA 2048 with its {@code kid}): read when present, created owner-only (0600)
 * when missing. devstack writes the same format, so tests can sign tokens with the provider's key.
 */
final class SigningKeyFile {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SigningKeyFile() {
    }

    /** @param file where the key lives, or null for a key that lasts as long as this process */
    static RSAKey loadOrCreate(Path file) {
        if (file == null) {
            LOG.info("No signing key file (IDENTITY_SIGNING_KEY_FILE): tokens are signed with a fresh key until "
                    + "this process ends");
            return generate();
        }
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            RSAKey key = generate();
            create(file, key);
            LOG.info("Created signing key {} in {}", key.getKeyID(), file);
            return key;
        } catch (FileAlreadyExistsException e) {
            // Another process created it between our check and our write: use theirs.
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the signing key file " + file, e);
        }
    }

    private static RSAKey read(Path file) {
        try {
            RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!key.isPrivate()) {
                throw new IllegalStateException("The signing key file " + file + " holds no private key");
            }
            warnIfOthersCanRead(file);
            LOG.info("Using signing key {} from {}", key.getKeyID(), file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signing key file " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("The signing key file " + file + " is not an RSA JWK", e);
        }
    }

    private static void create(Path file, RSAKey key) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        byte[] json = key.toJSONString().getBytes(StandardCharsets.UTF_8);
        if (supportsPosix(parent)) {
            // Created with its permissions, so the private key is never readable by others, not even for a moment.
            Files.write(Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY)), json);
        } else {
            Files.write(Files.createFile(file), json);
        }
    }

    private static void warnIfOthersCanRead(Path file) throws IOException {
        if (supportsPosix(file.toAbsolutePath().getParent())
                && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            LOG.warn("The signing key file {} is readable by others than its owner; make it 0600", file);
        }
    }

    private static boolean supportsPosix(Path dir) {
        return dir != null && Files.getFileAttributeView(dir,
                java.nio.file.attribute.PosixFileAttributeView.class) != null;
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }
}
