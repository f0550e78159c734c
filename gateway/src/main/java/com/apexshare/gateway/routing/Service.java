package com.apexshare.gateway.routing;

import java.util.Arrays;
import java.util.Optional;

/** The four services behind the gateway, by the name used in route ids and {@code /v3/api-docs/{service}}. */
public enum Service {
    UPLOAD("upload"), CATALOG("catalog"), NOTIFICATION("notification"), DOWNLOAD("download");

    private final String id;

    Service(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Service> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
