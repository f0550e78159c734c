package com.apexshare.download.link;

import java.util.Locale;

/**
 * Reduces a User-Agent header to a coarse client family, the only trace of the client that {@code Downloaded}
 * carries. The raw header is never stored or logged: it can fingerprint a student.
 */
public final class UserAgentFamily {

    public static final String OTHER = "Other";

    private UserAgentFamily() {
    }

    /** One of Edge, Opera, Samsung Internet, Chrome, Firefox, Safari, VLC, curl, Wget, Other. */
    public static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return OTHER;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        // Order matters: Chromium-based browsers also name Chrome and Safari, and Chrome names Safari.
        if (ua.contains("edg/") || ua.contains("edge/") || ua.contains("edga/") || ua.contains("edgios/")) {
            return "Edge";
        }
        if (ua.contains("opr/") || ua.contains("opera")) {
            return "Opera";
        }
        if (ua.contains("samsungbrowser/")) {
            return "Samsung Internet";
        }
        if (ua.contains("vlc") || ua.contains("libvlc")) {
            return "VLC";
        }
        if (ua.contains("chrome/") || ua.contains("crios/") || ua.contains("chromium/")) {
            return "Chrome";
        }
        if (ua.contains("firefox/") || ua.contains("fxios/")) {
            return "Firefox";
        }
        if (ua.contains("safari/") || (ua.contains("applewebkit/") && ua.contains("mobile/"))) {
            return "Safari";
        }
        if (ua.startsWith("curl/")) {
            return "curl";
        }
        if (ua.startsWith("wget/")) {
            return "Wget";
        }
        return OTHER;
    }
}
