package com.apexshare.deploy;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Every image the one root Dockerfile builds ({@code --build-arg MODULE=<module>}): the four services, the gateway and
 * the development identity provider (compose only, never the chart). Each with its module, the jar the Dockerfile
 * copies ({@code <module>/target/<module>.jar}, the parent pom's version-free finalName), its HTTP port and, for the
 * gateway, the management port its probes answer on.
 */
enum Image {

    UPLOAD_SERVICE("upload-service", 8081, null),
    CATALOG_SERVICE("catalog-service", 8082, null),
    NOTIFICATION_SERVICE("notification-service", 8083, null),
    DOWNLOAD_SERVICE("download-service", 8084, null),
    GATEWAY("gateway", 8080, 8079),
    IDENTITY("identity", 8090, null);

    private final String module;
    private final int port;
    private final Integer managementPort;

    Image(String module, int port, Integer managementPort) {
        this.module = module;
        this.port = port;
        this.managementPort = managementPort;
    }

    String module() {
        return module;
    }

    int port() {
        return port;
    }

    /** The management port, for an image whose actuator listens apart from its public port (the gateway). */
    Optional<Integer> managementPort() {
        return Optional.ofNullable(managementPort);
    }

    /** Where its probes answer: the management port, else its port. */
    int healthPort() {
        return managementPort == null ? port : managementPort;
    }

    /** The jar the Dockerfile copies, relative to the repository root. */
    String jar() {
        return module + "/target/" + module + ".jar";
    }

    /** One of the four services, or empty for the gateway and the identity provider. */
    Optional<Service> service() {
        for (Service s : Service.values()) {
            if (s.module().equals(module)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    Path applicationYaml() {
        return Repository.ROOT.resolve(module).resolve("src/main/resources/application.yaml");
    }

    /** The configuration it reads, parsed from its application.yaml as it is in the checkout now. */
    ServiceConfiguration configuration() {
        return ServiceConfiguration.parse(Repository.read(applicationYaml()));
    }

    static Image byModule(String module) {
        for (Image image : values()) {
            if (image.module.equals(module)) {
                return image;
            }
        }
        throw new IllegalArgumentException("Not an image's module: " + module);
    }
}
