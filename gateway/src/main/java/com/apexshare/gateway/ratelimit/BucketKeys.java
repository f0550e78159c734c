package com.apexshare.gateway.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Keys of the buckets, one namespace per kind so that an address can never collide with a subject. */
public final class BucketKeys {

    private BucketKeys() {
    }

    public static String address(String address) {
        return "ip:" + address;
    }

    /** A signed-in browser's trainer, by the OIDC subject the issuer vouched for. */
    public static String subject(String subject) {
        return "sub:" + subject;
    }

    /** An API client, by a hash of its (unvalidated) bearer token; the token itself never stays in memory. */
    public static String bearer(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return "tok:" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
