package com.apexshare.devstack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Spring Boot's standard connection properties for the devstack servers, for a test's
 * {@code @DynamicPropertySource} ({@code SpringProperties.kafka().forEach((k, v) -> registry.add(k, () -> v))}).
 * Service-specific settings (S3 endpoint, mail transport) are mapped by each service's own test support.
 */
public final class SpringProperties {

    private SpringProperties() {
    }

    public static Map<String, String> kafka() {
        return Map.of("spring.kafka.bootstrap-servers", DevStack.kafka().bootstrapServers());
    }

    /** A JWT resource server that trusts the devstack identity provider, with the API audience. */
    public static Map<String, String> jwt() {
        IdentityProvider identity = DevStack.identity();
        return Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", identity.issuerUri(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", identity.jwkSetUri(),
                "spring.security.oauth2.resourceserver.jwt.audiences", IdentityProvider.AUDIENCE);
    }

    /** A data source on a database of its own (created when missing). */
    public static Map<String, String> datasource(String database) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", DevStack.postgres().createDatabase(database));
        p.put("spring.datasource.username", Postgres.USER);
        p.put("spring.datasource.password", Postgres.PASSWORD);
        return p;
    }
}
