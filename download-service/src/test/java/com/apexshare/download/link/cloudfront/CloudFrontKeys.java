package com.apexshare.download.link.cloudfront;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** Fresh RSA key pairs for the tests, and their PEM files as an operator would mount them. */
final class CloudFrontKeys {

    private CloudFrontKeys() {
    }

    /** RSA 2048, what CloudFront public keys are. */
    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private half as PKCS#8 PEM ({@code openssl genpkey}, OpenSSL 3's {@code genrsa}). */
    static Path writePrivateKeyPem(KeyPair keys, Path file) {
        return write(file, "PRIVATE KEY", keys.getPrivate().getEncoded());
    }

    /** The public half as X.509 PEM ({@code openssl rsa -pubout}): what CloudFront's key group holds. */
    static Path writePublicKeyPem(KeyPair keys, Path file) {
        return write(file, "PUBLIC KEY", keys.getPublic().getEncoded());
    }

    private static Path write(Path file, String type, byte[] der) {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        try {
            return Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
