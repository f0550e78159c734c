package com.apexshare.events.link;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The student's link token, as notification-service mints it and download-service checks it: 256 bits from a CSPRNG,
 * base64url without padding (43 characters), reached at {@code <base>/d/<token>}. The token itself is a secret: only
 * its SHA-256 ({@link #sha256Hex()}, lower-case hex of the token's ASCII bytes, as {@code EmailSent.linkTokenSha256}
 * carries it) is stored, published or logged. {@link #toString()} never shows it.
 */
public final class LinkToken {

    /** Random bytes in a token. */
    public static final int BYTES = 32;

    /** Length of {@link #BYTES} bytes in base64url without padding. */
    public static final int LENGTH = 43;

    /** Path prefix of a student link, before the token. */
    public static final String PATH_PREFIX = "/d/";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private LinkToken(String value) {
        this.value = value;
    }

    /** A fresh token from the platform's CSPRNG. */
    public static LinkToken generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new LinkToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * The token a student presented, if it has the format {@link #generate()} produces.
     *
     * @throws IllegalArgumentException when it does not (callers answer such a link as unknown)
     */
    public static LinkToken parse(String text) {
        if (!isWellFormed(text)) {
            throw new IllegalArgumentException("not a link token");
        }
        return new LinkToken(text);
    }

    /**
     * Whether the text is a canonical base64url encoding of 32 bytes: 43 characters of the URL-safe alphabet, the last
     * one carrying no stray bits. A token that the minting side could never have produced is refused before it
     * reaches a database.
     */
    public static boolean isWellFormed(String text) {
        if (text == null || text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (sextet(text.charAt(i)) < 0) {
                return false;
            }
        }
        // 43 characters carry 258 bits; the last two must be zero in a canonical encoding of 256 bits.
        return (sextet(text.charAt(LENGTH - 1)) & 0b11) == 0;
    }

    /** Whether the text is a SHA-256 as {@link #sha256Hex()} writes it (64 lower-case hex digits). */
    public static boolean isSha256Hex(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Lower-case hex SHA-256 of the token's ASCII bytes: what is stored and published instead of the token. */
    public String sha256Hex() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    /** The student's link: {@code <base>/d/<token>}, whatever trailing slashes the configured base has. */
    public URI link(URI baseUrl) {
        String base = Objects.requireNonNull(baseUrl, "baseUrl").toString().replaceAll("/+$", "");
        return URI.create(base + PATH_PREFIX + value);
    }

    /** The token's text, for the one place that needs it: the email to the student. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LinkToken token && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.US_ASCII), token.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Never the token: a log line or exception message that prints one shows its hash prefix only. */
    @Override
    public String toString() {
        return "LinkToken[sha256=" + sha256Hex().substring(0, 12).toLowerCase(Locale.ROOT) + "…]";
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
