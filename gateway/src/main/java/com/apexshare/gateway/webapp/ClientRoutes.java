package com.apexshare.gateway.webapp;

import java.util.List;

/**
 * Which paths are the web app's own client-side routes ({@code /dashboard}, {@code /uploads/…}): anything that is not
 * the gateway's or a service's path and does not name a file. Those answer with {@code index.html} and the app's
 * router takes over in the browser.
 */
public final class ClientRoutes {

    /** Paths of the gateway and the services; never the web app's. */
    private static final List<String> RESERVED = List.of("/api", "/d", "/actuator", "/v3", "/api-docs", "/oauth2",
            "/login", "/logout", "/assets", "/error");

    private ClientRoutes() {
    }

    public static boolean isClientRoute(String path) {
        if (path == null || !path.startsWith("/") || path.equals("/")) {
            return false;
        }
        for (String reserved : RESERVED) {
            if (path.equals(reserved) || path.startsWith(reserved + "/")) {
                return false;
            }
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
