package com.apexshare.catalog;

import org.junit.jupiter.api.Test;

import com.apexshare.devstack.architecture.ServiceArchitecture;

/** The layering every service shares (devstack's {@link ServiceArchitecture}), checked on this one's main classes. */
class ArchitectureTest {

    private static final ServiceArchitecture ARCH = ServiceArchitecture.of("com.apexshare.catalog");

    @Test
    void shouldBeIndependentOfOtherServicesAndDevstack() {
        ARCH.independentOfOtherServicesAndDevstack().check(ARCH.mainClasses());
    }

    @Test
    void shouldKeepAdaptersOutOfTheDomain() {
        ARCH.domainImportsNoAdapter().check(ARCH.mainClasses());
    }

    @Test
    void shouldKeepControllersInWeb() {
        ARCH.controllersLiveInWeb().check(ARCH.mainClasses());
    }

    @Test
    void shouldKeepListenersInMessagingAndThin() {
        ARCH.listenersLiveInMessagingAndOnlyDecodeAndDelegate().check(ARCH.mainClasses());
    }

    @Test
    void shouldKeepAvroInMessaging() {
        ARCH.avroStaysInMessaging().check(ARCH.mainClasses());
    }

    @Test
    void shouldNeverLetEntitiesLeaveThroughWeb() {
        ARCH.entitiesNeverLeaveThroughWeb().check(ARCH.mainClasses());
    }

    @Test
    void shouldPersistWithOneStyle() {
        ARCH.onePersistenceStyle().check(ARCH.mainClasses());
    }
}
