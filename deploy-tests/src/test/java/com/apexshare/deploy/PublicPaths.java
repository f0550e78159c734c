package com.apexshare.deploy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The public API's paths and their owners (the cross-service contract), as sample requests. Every one of them reaches
 * the gateway (the Ingress and compose send everything there); the gateway's route table (gateway/README.md,
 * "Routes", tested in the gateway module) sends each to its owner through the owner's base URI, which a deployment
 * sets in {@link #gatewayUriVariable(Service)}. Paths without an owner the gateway answers 404 itself.
 */
final class PublicPaths {

    private static final String FILE_ID = "0b7e6f4e-3d1c-4f55-9a51-2f0c8f3f9c11";
    private static final String TOKEN = "q3Xw9mZ2o0bC7fK1rT5yH8uJ4nL6pE0sV2aD9gQ1wRt";

    private PublicPaths() {
    }

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
        owners.put("/api/v1/notifications/" + FILE_ID, Optional.of(Service.NOTIFICATION));
        owners.put("/api/v1/delivery-events/ses", Optional.of(Service.NOTIFICATION));
        owners.put("/d/" + TOKEN, Optional.of(Service.DOWNLOAD));
        owners.put("/api/v1/downloads/" + TOKEN, Optional.of(Service.DOWNLOAD));
        owners.put("/actuator/prometheus", Optional.empty());
        owners.put("/actuator/health", Optional.empty());
        owners.put("/v3/api-docs", Optional.empty());
        return owners;
    }

    /** A sample link token, for the access-log masking checks. */
    static String token() {
        return TOKEN;
    }

    /** The gateway's setting for the base URI of a service ({@code GATEWAY_UPLOAD_URI}, …; gateway/README.md). */
    static String gatewayUriVariable(Service service) {
        return "GATEWAY_" + service.chartKey().toUpperCase(Locale.ROOT) + "_URI";
    }
}
