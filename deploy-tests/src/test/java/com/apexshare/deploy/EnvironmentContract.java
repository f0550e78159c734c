package com.apexshare.deploy;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a deployment (chart or compose) may and must set for an image's module, derived from the module's own
 * configuration:
 * <ul>
 *   <li>only variables the module reads, plus a few that Spring or the JVM read by rule;</li>
 *   <li>every variable without a default, every variable whose default is the local machine (the devstack defaults
 *       are wrong in any container), and the agreed essentials (Kafka, the database, S3, the OIDC issuer, the
 *       gateway's and the identity provider's credentials);</li>
 *   <li>credentials never as plain values in the chart.</li>
 * </ul>
 */
final class EnvironmentContract {

    /**
     * Read by rule rather than by a placeholder: Spring's relaxed binding maps SPRING_KAFKA_PROPERTIES_SASL_MECHANISM to
     * {@code spring.kafka.properties.sasl.mechanism}, a Kafka client property (SASL, TLS); the JVM reads
     * JAVA_TOOL_OPTIONS; Spring reads SPRING_PROFILES_ACTIVE (compose's {@code local}: the platform's start-up guard).
     * Logs and traces are Spring Boot's own settings, the same in every module (the platform's observability
     * defaults): structured logging, the sampling probability, the OTLP endpoint.
     */
    private static final Pattern READ_BY_RULE = Pattern.compile("SPRING_KAFKA_PROPERTIES_[A-Z0-9_]+|JAVA_TOOL_OPTIONS"
            + "|SPRING_PROFILES_ACTIVE|LOGGING_STRUCTURED_FORMAT_CONSOLE|MANAGEMENT_TRACING_SAMPLING_PROBABILITY"
            + "|MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT");

    private static final Pattern SECRET = Pattern.compile(".*(PASSWORD|SECRET|JAAS|TOKEN|ACCESS_KEY|PRIVATE|CREDENTIAL).*");

    private EnvironmentContract() {
    }

    /** Variables in {@code set} that the module would silently ignore. */
    static Set<String> unread(ServiceConfiguration configuration, Set<String> set) {
        Set<String> unread = new TreeSet<>();
        for (String name : set) {
            if (!configuration.reads(name) && !READ_BY_RULE.matcher(name).matches()) {
                unread.add(name);
            }
        }
        return unread;
    }

    /**
     * Variables a deployment of {@code image} must set, given the values it sets ({@code set}: name to value; secret
     * references have no value).
     */
    static Set<String> required(Image image, ServiceConfiguration configuration, Map<String, String> set) {
        Set<String> required = new TreeSet<>();
        if (image.service().isPresent()) {
            // The services' only way to talk to each other.
            required.add("KAFKA_BOOTSTRAP_SERVERS");
        }
        for (String name : configuration.reads()) {
            String def = configuration.defaultOf(name).orElse(null);
            if (def == null || pointsAtLocalMachine(def)) {
                required.add(name);
            }
        }
        // The SMTP relay's address only matters when mail goes through SMTP rather than SES.
        if ("SES".equals(set.get("MAIL_TRANSPORT"))) {
            required.remove("SMTP_HOST");
        }
        // Behind the gateway the per-client rate limit needs to know which proxy's X-Forwarded-For to believe;
        // without it every student shares the gateway's one limit.
        if (configuration.reads("TRUSTED_PROXIES")) {
            required.add("TRUSTED_PROXIES");
        }
        if (configuration.reads("DB_URL")) {
            required.add("DB_URL");
            required.add("DB_USERNAME");
            required.add("DB_PASSWORD");
        }
        for (String s3 : new String[] {"S3_BUCKET", "S3_REGION"}) {
            if (configuration.reads(s3)) {
                required.add(s3);
            }
        }
        switch (image) {
            case UPLOAD_SERVICE, CATALOG_SERVICE -> {
                required.add("OIDC_ISSUER_URI");
                required.add("OIDC_JWK_SET_URI");
            }
            // Its blank defaults are no credentials: the gateway cannot sign anyone in, the provider refuses to start.
            case GATEWAY -> {
                required.add("OIDC_ISSUER_URI");
                required.add("GATEWAY_CLIENT_SECRET");
            }
            case IDENTITY -> {
                required.add("IDENTITY_ISSUER");
                required.add("IDENTITY_DEMO_PASSWORD");
                required.add("IDENTITY_GATEWAY_CLIENT_SECRET");
            }
            default -> {
            }
        }
        return required;
    }

    /** A credential: must come from a Secret (secretKeyRef), never be a value in the chart. */
    static boolean isSecret(String name) {
        // *_FILE names the path of a Secret mounted as a file (DOWNLOAD_CLOUDFRONT_PRIVATE_KEY_FILE), not the secret.
        return SECRET.matcher(name).matches() && !name.endsWith("_FILE");
    }

    private static boolean pointsAtLocalMachine(String value) {
        return value.contains("127.0.0.1") || value.contains("localhost");
    }
}
