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

    /**
     * The private half as PKCS#1 PEM ({@code BEGIN RSA PRIVATE KEY}: OpenSSL 1.x's {@code genrsa}, AWS's own
     * instructions): the RSAPrivateKey inside the PKCS#8 structure (the OCTET STRING after version and algorithm).
     */
    static Path writeRsaPrivateKeyPem(KeyPair keys, Path file) {
        byte[] pkcs8 = keys.getPrivate().getEncoded();
        int at = 1 + lengthOfLength(pkcs8, 1); // into the outer SEQUENCE
        at += 3; // INTEGER 0 (version)
        at += 1 + lengthOfLength(pkcs8, at + 1) + length(pkcs8, at + 1); // AlgorithmIdentifier SEQUENCE
        int contentLength = length(pkcs8, at + 1); // OCTET STRING holding the RSAPrivateKey
        int content = at + 1 + lengthOfLength(pkcs8, at + 1);
        return write(file, "RSA PRIVATE KEY", java.util.Arrays.copyOfRange(pkcs8, content, content + contentLength));
    }

    /** Bytes of a DER length field starting at {@code at}. */
    private static int lengthOfLength(byte[] der, int at) {
        return (der[at] & 0x80) == 0 ? 1 : 1 + (der[at] & 0x7F);
    }

    private static int length(byte[] der, int at) {
        if ((der[at] & 0x80) == 0) {
            return der[at];
        }
        int length = 0;
        for (int i = 1; i <= (der[at] & 0x7F); i++) {
            length = (length << 8) | (der[at + i] & 0xFF);
        }
        return length;
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
