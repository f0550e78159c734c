package com.apexshare.gateway.support;

import java.util.Map;

import com.apexshare.testing.idp.TestIdentityProvider;

/**
 * The servers every gateway test shares, started once per JVM: the identity provider, four recording backends (one
 * per service) and one gateway with the default settings. Tests keep to their own data by tagging paths with fresh
 * ids; tests that need other settings start a {@link GatewayInstance} of their own.
 */
public final class TestEnvironment {

    private static volatile TestEnvironment instance;
    private static volatile GatewayInstance gateway;

    private final TestIdentityProvider identityProvider;
    private final RecordingBackend upload;
    private final RecordingBackend catalog;
    private final RecordingBackend notification;
    private final RecordingBackend download;

    private TestEnvironment() {
        identityProvider = TestIdentityProvider.start();
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
                    gateway = GatewayInstance.start(Map.of());
                }
            }
        }
        return gateway;
    }

    public TestIdentityProvider identityProvider() {
        return identityProvider;
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
