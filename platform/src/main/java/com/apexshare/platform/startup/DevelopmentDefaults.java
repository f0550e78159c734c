package com.apexshare.platform.startup;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/** The development defaults still in a service's configuration, each as the setting to change. */
public final class DevelopmentDefaults {

    /** Profiles in which the defaults are what is wanted: the local run, compose and the tests. */
    public static final Set<String> DEVELOPMENT_PROFILES = Set.of("local", "test");

    private static final String DEFAULT_DB_PASSWORD = "postgres";
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0");

    private DevelopmentDefaults() {
    }

    /** Whether the environment runs a development profile, where no check applies. */
    public static boolean isDevelopment(ConfigurableEnvironment environment) {
        for (String profile : environment.getActiveProfiles()) {
            if (DEVELOPMENT_PROFILES.contains(profile)) {
                return true;
            }
        }
        return false;
    }

    /** Every setting that still holds a development default, with what to do; empty when there is none. */
    public static List<String> findIn(ConfigurableEnvironment environment) {
        List<String> problems = new ArrayList<>();
        if (environment.containsProperty("spring.datasource.url")) {
            String password = environment.getProperty("spring.datasource.password", "");
            if (password.isBlank() || DEFAULT_DB_PASSWORD.equals(password)) {
                problems.add("spring.datasource.password (DB_PASSWORD) is empty or the development default; "
                        + "set the database credentials");
            }
        }
        for (String name : issuerProperties(environment)) {
            String value = environment.getProperty(name, "");
            if (isLoopback(value)) {
                problems.add(name + " points at " + value + ", a loopback address; set the OIDC issuer "
                        + "(OIDC_ISSUER_URI and, where used, OIDC_JWK_SET_URI)");
            }
        }
        return problems;
    }

    /** The resource server's issuer and keys, and every OIDC client provider's issuer (the gateway). */
    private static List<String> issuerProperties(ConfigurableEnvironment environment) {
        List<String> names = new ArrayList<>(List.of("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri"));
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (name.startsWith("spring.security.oauth2.client.provider.") && name.endsWith(".issuer-uri")
                            && !names.contains(name)) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }

    static boolean isLoopback(String uri) {
        if (uri == null || uri.isBlank()) {
            return false;
        }
        try {
            String host = URI.create(uri.trim()).getHost();
            return host != null && (LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT)) || host.startsWith("127."));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
