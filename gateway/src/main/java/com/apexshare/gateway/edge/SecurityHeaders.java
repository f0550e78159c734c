package com.apexshare.gateway.edge;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The security headers of every answer. The Content Security Policy is strict ({@code default-src 'self'}, no inline
 * script, no framing); the only other origins it names are the configured ones (the S3 bucket), for the web app's
 * uploads ({@code connect-src}) and the student page's player ({@code media-src}).
 */
public final class SecurityHeaders {

    /** The header names the gateway owns; a service's own values of them are dropped from proxied answers. */
    public static final List<String> NAMES = List.of("Content-Security-Policy", "Strict-Transport-Security",
            "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options");

    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.\\-]+(:\\d{1,5})?");

    private final Map<String, String> always;
    private final String hsts;

    private SecurityHeaders(Map<String, String> always, String hsts) {
        this.always = always;
        this.hsts = hsts;
    }

    /**
     * @param extraOrigins origins ({@code https://bucket.s3.eu-west-1.amazonaws.com}) allowed for connect and media
     * @param signInOrigin the OIDC issuer's origin: a logout form's redirect goes there ({@code form-action})
     * @param hstsMaxAge   how long browsers keep to HTTPS once told over TLS
     * @throws IllegalArgumentException when an origin is not a bare scheme://host[:port]
     */
    public static SecurityHeaders of(List<String> extraOrigins, String signInOrigin, Duration hstsMaxAge) {
        List<String> all = new java.util.ArrayList<>(extraOrigins);
        if (signInOrigin != null) {
            all.add(signInOrigin);
        }
        for (String origin : all) {
            if (!ORIGIN.matcher(origin).matches()) {
                throw new IllegalArgumentException("Not an origin (scheme://host[:port]): " + origin);
            }
        }
        String extra = extraOrigins.isEmpty() ? "" : " " + String.join(" ", extraOrigins);
        String csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'" + extra + "; media-src 'self'" + extra + "; object-src 'none'; "
                + "frame-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
                + (signInOrigin == null ? "" : " " + signInOrigin);
        Map<String, String> always = new LinkedHashMap<>();
        always.put("Content-Security-Policy", csp);
        always.put("X-Content-Type-Options", "nosniff");
        always.put("Referrer-Policy", "no-referrer");
        always.put("X-Frame-Options", "DENY");
        return new SecurityHeaders(Map.copyOf(always), "max-age=" + hstsMaxAge.toSeconds() + "; includeSubDomains");
    }

    /** The headers every answer carries, by name. */
    public Map<String, String> always() {
        return always;
    }

    /** {@code Strict-Transport-Security}, for answers to requests that came over TLS only. */
    public String strictTransportSecurity() {
        return hsts;
    }
}
