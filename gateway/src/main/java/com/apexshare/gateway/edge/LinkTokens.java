package com.apexshare.gateway.edge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks student link tokens in text bound for a log: a link token is a bearer credential for one video, so
 * {@code /d/{token}} and {@code /api/v1/downloads/{token}} become {@code /d/****} wherever they appear (path, query
 * string, Referer), plain or percent-encoded, and so do the values of query parameters named like a token. The
 * student's address in the per-student view's path ({@code /api/v1/students/{email}/…}) is personal data and is
 * masked the same way.
 */
public final class LinkTokens {

    public static final String MASK = "****";

    /** A link path and its token: up to the next separator of a path, query, fragment or header. */
    private static final Pattern PLAIN = Pattern.compile("(/d/|/api/v1/downloads/|/api/v1/students/)[^/?#&\\s\"']+");
    /** The same inside a percent-encoded value ({@code %2Fd%2F…}), token up to the next encoded separator. */
    private static final Pattern ENCODED = Pattern.compile(
            "(?i)(%2Fd%2F|%2Fapi%2Fv1%2Fdownloads%2F|%2Fapi%2Fv1%2Fstudents%2F)(?:(?!%2F|%3F|%23|%26)[^&\\s\"'#])+");
    /** Query parameters that name a token themselves. */
    private static final Pattern PARAMETER = Pattern.compile("(?i)([?&](?:token|link|t|studentEmail)=)[^&#\\s\"']+");

    private LinkTokens() {
    }

    /** The text with every link token replaced by {@link #MASK}; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = replace(PLAIN, text);
        masked = replace(ENCODED, masked);
        return replace(PARAMETER, masked);
    }

    private static String replace(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + MASK));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
