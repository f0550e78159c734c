package com.apexshare.devstack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Presigned URLs spoiled on purpose, for tests that check that S3 refuses them and that clients recover. */
public final class PresignedUrls {

    private static final Pattern SIGNATURE = Pattern.compile("([?&]X-Amz-Signature=)([0-9a-fA-F])");

    private PresignedUrls() {
    }

    /**
     * The same URL with a signature that is certainly wrong: its first hex digit is replaced by the next one (f by 0),
     * so the result never equals the input. (Overwriting the digit with a fixed one left the URL valid whenever the
     * signature already began with it, one time in sixteen.)
     *
     * @throws IllegalArgumentException when the URL carries no SigV4 query signature
     */
    public static String withBrokenSignature(String presignedUrl) {
        Matcher m = SIGNATURE.matcher(presignedUrl);
        if (!m.find()) {
            throw new IllegalArgumentException("Not a presigned SigV4 URL (no X-Amz-Signature): " + presignedUrl);
        }
        int digit = Character.digit(m.group(2).charAt(0), 16);
        char other = Character.forDigit((digit + 1) % 16, 16);
        return presignedUrl.substring(0, m.start(2)) + other + presignedUrl.substring(m.end(2));
    }
}
