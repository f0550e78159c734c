package com.apexshare.notification.email;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The student's link token: 256 bits from a CSPRNG, base64url without padding (43 characters). Only its SHA-256
 * (lower-case hex of the token's ASCII bytes) is ever stored or published; download-service hashes the presented token
 * the same way.
 */
public final class LinkTokens {

    static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String sha256Hex(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** {@code <base>/d/<token>}, whatever trailing slashes the configured base has. */
    public static String link(URI baseUrl, String token) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return base + "/d/" + token;
    }
}
