package com.apexshare.gateway.webapp;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which requests for an emailed link {@code /d/{token}} are a student's browser opening the page, and which are a
 * download. A browser navigation names {@code text/html} in its {@code Accept} header: it gets the web app's student
 * page, which counts nothing until the student plays or downloads. Everything else ({@code curl -L} with
 * {@code Accept: *}{@code /*}, a download manager, a HEAD) still gets the download-service's counted redirect, so a
 * link keeps working without a browser.
 */
public final class StudentPages {

    /** One path segment after {@code /d/}: the token (the download-service judges its form). */
    private static final Pattern LINK = Pattern.compile("/d/[^/]+");

    private StudentPages() {
    }

    /**
     * @param method the request's method
     * @param path   the request path (already refused by the path guard when not canonical)
     * @param accept the request's {@code Accept} header values, possibly none
     */
    public static boolean isStudentPage(String method, String path, List<String> accept) {
        if (!"GET".equals(method) || path == null || !LINK.matcher(path).matches()) {
            return false;
        }
        return acceptsHtml(accept);
    }

    /**
     * {@code text/html} named explicitly with a non-zero quality; a wildcard alone is not a browser navigation. (The
     * header is read here rather than with Spring's media types: this package stays free of web types.)
     */
    static boolean acceptsHtml(List<String> accept) {
        for (String header : accept) {
            for (String range : header.split(",")) {
                String[] parts = range.split(";");
                if (!parts[0].trim().toLowerCase(Locale.ROOT).equals("text/html")) {
                    continue;
                }
                if (quality(parts) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The range's {@code q} parameter, 1 when absent, 0 when malformed (a refusal rather than a guess). */
    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("q")) {
                try {
                    return Double.parseDouble(parameter[1].trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
