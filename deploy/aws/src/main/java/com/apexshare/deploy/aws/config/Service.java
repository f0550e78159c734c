package com.apexshare.deploy.aws.config;

/** The four services that get an IAM role, with their key under the Helm chart's {@code services.*}. */
public enum Service {
    UPLOAD("upload", "upload-service"),
    CATALOG("catalog", "catalog-service"),
    NOTIFICATION("notification", "notification-service"),
    DOWNLOAD("download", "download-service");

    private final String chartKey;
    private final String serviceName;

    Service(String chartKey, String serviceName) {
        this.chartKey = chartKey;
        this.serviceName = serviceName;
    }

    /** The key under {@code services.} in k8s/apexshare/values.yaml, e.g. {@code upload}. */
    public String chartKey() {
        return chartKey;
    }

    /** The module and Kubernetes name, e.g. {@code upload-service}. */
    public String serviceName() {
        return serviceName;
    }

    /** The service's name in CamelCase for construct ids and output keys, e.g. {@code UploadService}. */
    public String camelName() {
        return Character.toUpperCase(chartKey.charAt(0)) + chartKey.substring(1) + "Service";
    }
}
