package com.apexshare.download.link.cloudfront;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a signed CloudFront URL the way CloudFront does, independently of the code under test: the canned policy is
 * rebuilt from the URL without its signing parameters and {@code Expires}, and the {@code Signature} (CloudFront's
 * URL-safe base64: {@code -_~} for {@code +=/}) must verify with SHA1withRSA and the public key.
 *
 * @param resource  the URL the policy covers (without {@code Expires}, {@code Signature}, {@code Key-Pair-Id})
 * @param expires   {@code Expires}
 * @param keyPairId {@code Key-Pair-Id}
 * @param signature the decoded {@code Signature}
 * @param query     the remaining query parameters, decoded, in order
 */
record CloudFrontUrls(String resource, Instant expires, String keyPairId, byte[] signature, Map<String, String> query) {

    private static final List<String> SIGNING_PARAMETERS = List.of("Expires", "Signature", "Key-Pair-Id");

    static CloudFrontUrls parse(URI url) {
        List<String> kept = new ArrayList<>();
        Map<String, String> signing = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            if (SIGNING_PARAMETERS.contains(name)) {
                signing.put(name, value);
            } else {
                kept.add(pair);
                query.put(name, URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        String resource = url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath()
                + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        byte[] signature = Base64.getDecoder().decode(signing.get("Signature")
                .replace('-', '+').replace('_', '=').replace('~', '/'));
        return new CloudFrontUrls(resource, Instant.ofEpochSecond(Long.parseLong(signing.get("Expires"))),
                signing.get("Key-Pair-Id"), signature, query);
    }

    /** CloudFront's canned policy for the resource and expiry (its documented form, no white space). */
    String cannedPolicy() {
        return "{\"Statement\":[{\"Resource\":\"" + resource + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":"
                + expires.getEpochSecond() + "}}}]}";
    }

    boolean verifiesWith(PublicKey publicKey) {
        try {
            Signature verifier = Signature.getInstance("SHA1withRSA");
            verifier.initVerify(publicKey);
            verifier.update(cannedPolicy().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
