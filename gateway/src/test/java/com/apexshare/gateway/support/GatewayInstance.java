package com.apexshare.gateway.support;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.Postgres;
import com.apexshare.gateway.GatewayApplication;

/**
 * One running gateway (the real application, Tomcat on a free port, its management server on another), wired to the
 * shared test environment: PostgreSQL from devstack for sessions, the test identity provider, four recording
 * backends. Settings a test needs on top come as extra properties.
 */
public final class GatewayInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private GatewayInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** A gateway with the shared defaults plus these properties (they win). */
    public static GatewayInstance start(Map<String, String> extra) {
        TestEnvironment env = TestEnvironment.get();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("server.port", "0");
        p.put("management.server.port", "0");
        p.put("spring.main.banner-mode", "off");
        p.put("spring.datasource.url", DevStack.postgres().createDatabase("gateway"));
        p.put("spring.datasource.username", Postgres.USER);
        p.put("spring.datasource.password", Postgres.PASSWORD);
        p.put("spring.security.oauth2.client.provider.apexshare.issuer-uri", env.identityProvider().issuerUri());
        p.put("spring.security.oauth2.client.registration.apexshare.client-secret",
                env.identityProvider().gatewayClient().secret());
        p.put("apexshare.gateway.services.upload", env.upload().uri().toString());
        p.put("apexshare.gateway.services.catalog", env.catalog().uri().toString());
        p.put("apexshare.gateway.services.notification", env.notification().uri().toString());
        p.put("apexshare.gateway.services.download", env.download().uri().toString());
        // Generous limits: tests of the limits start a gateway with small ones.
        p.put("apexshare.gateway.rate-limit.per-ip-rate", "10000");
        p.put("apexshare.gateway.rate-limit.per-ip-burst", "10000");
        p.put("apexshare.gateway.rate-limit.per-trainer-rate", "10000");
        p.put("apexshare.gateway.rate-limit.per-trainer-burst", "10000");
        p.putAll(extra);
        List<String> args = new ArrayList<>();
        p.forEach((k, v) -> args.add("--" + k + "=" + v));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
                .run(args.toArray(String[]::new));
        return new GatewayInstance(context);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    public URI uri(String pathAndQuery) {
        return URI.create(uri() + pathAndQuery);
    }

    /** The management server's base URI (actuator). */
    public URI managementUri() {
        String port = context.getEnvironment().getProperty("local.management.port");
        return URI.create("http://127.0.0.1:" + port);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
