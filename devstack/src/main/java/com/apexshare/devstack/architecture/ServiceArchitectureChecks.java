package com.apexshare.devstack.architecture;

import org.junit.jupiter.api.Test;

/**
 * Every rule of {@link ServiceArchitecture} as a test of its own, for a service's {@code ArchitectureTest} to inherit
 * with its root package, so that the services check the same rules without repeating them:
 *
 * <pre>{@code
 * class ArchitectureTest extends ServiceArchitectureChecks {
 *     ArchitectureTest() {
 *         super("com.apexshare.download");
 *     }
 * }
 * }</pre>
 */
public abstract class ServiceArchitectureChecks {

    private final ServiceArchitecture architecture;

    protected ServiceArchitectureChecks(String rootPackage) {
        this.architecture = ServiceArchitecture.of(rootPackage);
    }

    @Test
    void shouldBeIndependentOfOtherServicesAndDevstack() {
        architecture.independentOfOtherServicesAndDevstack().check(architecture.mainClasses());
    }

    @Test
    void shouldKeepAdaptersOutOfTheDomain() {
        architecture.domainImportsNoAdapter().check(architecture.mainClasses());
    }

    @Test
    void shouldKeepControllersInWeb() {
        architecture.controllersLiveInWeb().check(architecture.mainClasses());
    }

    @Test
    void shouldKeepListenersInMessagingDecodingAndDelegatingOnly() {
        architecture.listenersLiveInMessagingAndOnlyDecodeAndDelegate().check(architecture.mainClasses());
    }

    @Test
    void shouldKeepAvroInMessaging() {
        architecture.avroStaysInMessaging().check(architecture.mainClasses());
    }

    @Test
    void shouldNeverLetEntitiesLeaveThroughWeb() {
        architecture.entitiesNeverLeaveThroughWeb().check(architecture.mainClasses());
    }

    @Test
    void shouldPersistWithSpringDataJpaOnly() {
        architecture.onePersistenceStyle().check(architecture.mainClasses());
    }
}
