package com.apexshare.notification;

import org.junit.jupiter.api.Test;

import com.apexshare.devstack.architecture.ServiceArchitecture;

/** The layering every service shares (devstack {@link ServiceArchitecture}), checked on this service's main classes. */
class NotificationArchitectureTest {

    private static final ServiceArchitecture ARCH = ServiceArchitecture.of("com.apexshare.notification");

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
    void shouldKeepListenersInMessagingDecodingAndDelegatingOnly() {
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
    void shouldPersistWithSpringDataJpaOnly() {
        ARCH.onePersistenceStyle().check(ARCH.mainClasses());
    }
}
