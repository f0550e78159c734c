package com.apexshare.download.link;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The link token as the notification service mints it: 32 random bytes, base64url without padding (43 characters).
 * Only its SHA-256 is stored, so the format is checked first and anything else never reaches the database.
 */
public final class LinkToken {

    /** Length of 32 bytes in base64url without padding. */
    public static final int LENGTH = 43;

    private LinkToken() {
    }

    /**
     * Whether the text is a canonical base64url encoding of 32 bytes: 43 characters of the URL-safe alphabet, the last
     * one carrying no stray bits (a token that the minting side could never have produced is refused early).
     */
    public static boolean isWellFormed(String token) {
        if (token == null || token.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (sextet(token.charAt(i)) < 0) {
                return false;
            }
        }
        // 43 characters carry 258 bits; the last two must be zero in a canonical encoding of 256 bits.
        return (sextet(token.charAt(LENGTH - 1)) & 0b11) == 0;
    }

    /** Lower-case hex SHA-256 of the token's ASCII bytes, as {@code EmailSent.linkTokenSha256} carries it. */
    public static String sha256Hex(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '-') {
            return 62;
        }
        if (c == '_') {
            return 63;
        }
        return -1;
    }
}
