package com.apexshare.deploy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The public API's paths and their owners (the cross-service contract), as sample requests, and how the two
 * gateways of this repository pick a backend for a path: ingress-nginx with regex paths (the Helm chart) and plain
 * nginx locations (the compose gateway).
 */
final class PublicPaths {

    private static final String FILE_ID = "0b7e6f4e-3d1c-4f55-9a51-2f0c8f3f9c11";
    private static final String TOKEN = "q3Xw9mZ2o0bC7fK1rT5yH8uJ4nL6pE0sV2aD9gQ1wRt";

    /** Sample request path -> owning service; empty for paths that must not be reachable from outside. */
    static Map<String, Optional<Service>> contract() {
        Map<String, Optional<Service>> owners = new LinkedHashMap<>();
        owners.put("/api/v1/uploads/initiate", Optional.of(Service.UPLOAD));
        owners.put("/api/v1/uploads/" + FILE_ID + "/parts", Optional.of(Service.UPLOAD));
        owners.put("/api/v1/uploads/" + FILE_ID + "/parts/urls", Optional.of(Service.UPLOAD));
        owners.put("/api/v1/uploads/" + FILE_ID + "/complete", Optional.of(Service.UPLOAD));
        owners.put("/api/v1/uploads/" + FILE_ID + "/abort", Optional.of(Service.UPLOAD));
        owners.put("/api/v1/uploads/recent", Optional.of(Service.CATALOG));
        owners.put("/api/v1/uploads", Optional.of(Service.CATALOG));
        owners.put("/api/v1/uploads/" + FILE_ID, Optional.of(Service.CATALOG));
        owners.put("/d/" + TOKEN, Optional.of(Service.DOWNLOAD));
        owners.put("/api/v1/downloads/" + TOKEN, Optional.of(Service.DOWNLOAD));
        owners.put("/actuator/prometheus", Optional.empty());
        owners.put("/actuator/health", Optional.empty());
        owners.put("/v3/api-docs", Optional.empty());
        return owners;
    }

    /** A route: a path expression and the backend it sends to. */
    record Route(String path, String backend) {
    }

    /**
     * ingress-nginx with {@code use-regex}: every path becomes a case-insensitive regex location {@code ^<path>};
     * the paths are ordered longest first and the first match wins.
     */
    static Optional<String> ingressNginx(List<Route> routes, String requestPath) {
        List<Route> ordered = new ArrayList<>(routes);
        ordered.sort(Comparator.comparingInt((Route r) -> r.path().length()).reversed());
        for (Route route : ordered) {
            if (Pattern.compile("^" + route.path(), Pattern.CASE_INSENSITIVE).matcher(requestPath).lookingAt()) {
                return Optional.of(route.backend());
            }
        }
        return Optional.empty();
    }

    /** A location block of an nginx server: {@code =} exact, {@code ~} regex, or a plain prefix. */
    record Location(String modifier, String path, String backend) {
    }

    /**
     * nginx's location choice: an exact match wins; otherwise the longest matching prefix is remembered, then the
     * regex locations are tried in order and the first match wins; without one, the remembered prefix.
     */
    static Optional<String> nginx(List<Location> locations, String requestPath) {
        for (Location l : locations) {
            if (l.modifier().equals("=") && l.path().equals(requestPath)) {
                return Optional.ofNullable(l.backend());
            }
        }
        Location longestPrefix = null;
        for (Location l : locations) {
            if (l.modifier().isEmpty() && requestPath.startsWith(l.path())
                    && (longestPrefix == null || l.path().length() > longestPrefix.path().length())) {
                longestPrefix = l;
            }
        }
        for (Location l : locations) {
            if (l.modifier().equals("~") && Pattern.compile(l.path()).matcher(requestPath).find()) {
                return Optional.ofNullable(l.backend());
            }
        }
        return longestPrefix == null ? Optional.empty() : Optional.ofNullable(longestPrefix.backend());
    }
}
