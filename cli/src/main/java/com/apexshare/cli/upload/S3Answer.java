package com.apexshare.cli.upload;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an S3 answer to a presigned PUT means for the client: stored, try again (perhaps with a fresh URL), or give up.
 *
 * @param kind   what to do
 * @param reason for the trainer, e.g. {@code AccessDenied: Request has expired}
 */
record S3Answer(Kind kind, String reason) {

    enum Kind {
        STORED, RETRY, RETRY_WITH_FRESH_URL, FAILED
    }

    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

    static S3Answer of(int status, String body) {
        if (status >= 200 && status < 300) {
            return new S3Answer(Kind.STORED, "stored");
        }
        String code = first(CODE, body);
        String message = first(MESSAGE, body);
        String reason = "HTTP " + status + (code.isEmpty() ? "" : " " + code) + (message.isEmpty() ? "" : ": " + message);
        if (status == 403) {
            // Expired, or signed for another moment/key: a URL signed now may well work.
            return new S3Answer(Kind.RETRY_WITH_FRESH_URL, reason);
        }
        if (status == 400) {
            String c = code.toLowerCase(Locale.ROOT);
            if (c.equals("requesttimeout") || c.equals("expiredtoken") || c.equals("tokenrefreshrequired")) {
                return new S3Answer(Kind.RETRY_WITH_FRESH_URL, reason);
            }
            return new S3Answer(Kind.FAILED, reason);
        }
        if (status == 404) {
            return new S3Answer(Kind.FAILED, reason + " (the upload no longer exists in S3: aborted or expired)");
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new S3Answer(Kind.RETRY, reason);
        }
        return new S3Answer(Kind.FAILED, reason);
    }

    private static String first(Pattern pattern, String body) {
        if (body == null) {
            return "";
        }
        Matcher m = pattern.matcher(body);
        return m.find() ? m.group(1).strip() : "";
    }
}
