package com.apexshare.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import com.apexshare.devstack.IdentityProvider;
import com.apexshare.devstack.Ports;

/**
 * The servers every gateway test shares, started once per JVM: ApexShare's identity provider (the {@code identity}
 * module's jar, through devstack), four recording backends (one per service), one gateway with the default settings
 * and the port of a second replica. Tests keep to their own data by tagging paths with fresh ids; tests that need other
 * settings start a {@link GatewayInstance} of their own.
 *
 * <p>The provider's access tokens live 20 s, less than the gateway's 30 s refresh margin, so every relayed call renews
 * the token with the refresh token; its registered post-logout URIs are the two gateways' (they match exactly, unlike
 * redirect URIs, which may use any loopback port).
 */
public final class TestEnvironment {

    private static volatile TestEnvironment instance;
    private static volatile GatewayInstance gateway;

    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(20);

    private final IdentityProvider identityProvider;
    private final int gatewayPort = Ports.free();
    private final int replicaPort = Ports.free();
    private final RecordingBackend upload;
    private final RecordingBackend catalog;
    private final RecordingBackend notification;
    private final RecordingBackend download;

    private TestEnvironment() {
        try {
            identityProvider = IdentityProvider.start(IdentityProvider.Settings
                    .forTests(Files.createTempDirectory("gateway-tests-identity-"))
                    .withEnvironment(Map.of("IDENTITY_ACCESS_TOKEN_LIFETIME", ACCESS_TOKEN_LIFETIME.toString(),
                            "IDENTITY_GATEWAY_POST_LOGOUT_URIS", "http://127.0.0.1:" + gatewayPort + "/,"
                                    + "http://127.0.0.1:" + replicaPort + "/")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        upload = RecordingBackend.start("upload");
        catalog = RecordingBackend.start("catalog");
        notification = RecordingBackend.start("notification");
        download = RecordingBackend.start("download");
    }

    public static TestEnvironment get() {
        if (instance == null) {
            synchronized (TestEnvironment.class) {
                if (instance == null) {
                    instance = new TestEnvironment();
                }
            }
        }
        return instance;
    }

    /** The gateway with the default settings (generous rate limits), shared by the test classes. */
    public static GatewayInstance gateway() {
        if (gateway == null) {
            synchronized (TestEnvironment.class) {
                if (gateway == null) {
                    gateway = GatewayInstance.start(Map.of("server.port", Integer.toString(get().gatewayPort)));
                }
            }
        }
        return gateway;
    }

    public IdentityProvider identityProvider() {
        return identityProvider;
    }

    /** Properties of a second replica of the shared gateway (its port is a registered post-logout URI). */
    public Map<String, String> replica() {
        return Map.of("server.port", Integer.toString(replicaPort));
    }

    public RecordingBackend upload() {
        return upload;
    }

    public RecordingBackend catalog() {
        return catalog;
    }

    public RecordingBackend notification() {
        return notification;
    }

    public RecordingBackend download() {
        return download;
    }
}
