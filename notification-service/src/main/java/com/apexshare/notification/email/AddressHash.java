package com.apexshare.notification.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The key of an address on the suppression list: lower-case hex SHA-256 of the address trimmed and lower-cased. The
 * list keeps no address itself (it outlives the uploads whose personal data is purged); the hash still only matches
 * the same address, so it is treated as personal data too and never logged or published.
 */
public final class AddressHash {

    private AddressHash() {
    }

    public static String of(String address) {
        try {
            String normalised = address.trim().toLowerCase(Locale.ROOT);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
