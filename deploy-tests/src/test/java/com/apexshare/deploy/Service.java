package com.apexshare.deploy;

import java.nio.file.Path;

/**
 * The four services: Maven module (= compose service name), the key of their section under {@code services:} in the
 * chart's values, and their local-run port from the cross-service contract. Their images, and the gateway's and
 * identity provider's: {@link Image}.
 */
enum Service {

    UPLOAD("upload-service", "upload", 8081),
    CATALOG("catalog-service", "catalog", 8082),
    NOTIFICATION("notification-service", "notification", 8083),
    DOWNLOAD("download-service", "download", 8084);

    private final String module;
    private final String chartKey;
    private final int port;

    Service(String module, String chartKey, int port) {
        this.module = module;
        this.chartKey = chartKey;
        this.port = port;
    }

    String module() {
        return module;
    }

    String chartKey() {
        return chartKey;
    }

    int port() {
        return port;
    }

    Path applicationYaml() {
        return Repository.ROOT.resolve(module).resolve("src/main/resources/application.yaml");
    }

    Image image() {
        return Image.byModule(module);
    }

    /** The configuration the service reads, parsed from its application.yaml as it is in the checkout now. */
    ServiceConfiguration configuration() {
        return ServiceConfiguration.parse(Repository.read(applicationYaml()));
    }

    static Service byModule(String module) {
        for (Service s : values()) {
            if (s.module.equals(module)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Not a service module: " + module);
    }
}
