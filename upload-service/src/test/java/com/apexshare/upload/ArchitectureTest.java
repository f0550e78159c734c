package com.apexshare.upload;

import org.junit.jupiter.api.Test;

import com.apexshare.devstack.architecture.ServiceArchitecture;

/** The service's layering, checked on its main classes (see {@link ServiceArchitecture}). */
class ArchitectureTest {

    private static final ServiceArchitecture ARCHITECTURE = ServiceArchitecture.of("com.apexshare.upload");

    @Test
    void shouldBeIndependentOfOtherServicesAndDevstack() {
        ARCHITECTURE.independentOfOtherServicesAndDevstack().check(ARCHITECTURE.mainClasses());
    }

    @Test
    void shouldKeepAdaptersOutOfTheDomain() {
        ARCHITECTURE.domainImportsNoAdapter().check(ARCHITECTURE.mainClasses());
    }

    @Test
    void shouldKeepControllersInWeb() {
        ARCHITECTURE.controllersLiveInWeb().check(ARCHITECTURE.mainClasses());
    }

    @Test
    void shouldKeepListenersInMessagingDecodingAndDelegating() {
        ARCHITECTURE.listenersLiveInMessagingAndOnlyDecodeAndDelegate().check(ARCHITECTURE.mainClasses());
    }

    @Test
    void shouldKeepAvroInMessaging() {
        ARCHITECTURE.avroStaysInMessaging().check(ARCHITECTURE.mainClasses());
    }

    @Test
    void shouldNeverLetEntitiesLeaveThroughWeb() {
        ARCHITECTURE.entitiesNeverLeaveThroughWeb().check(ARCHITECTURE.mainClasses());
    }

    @Test
    void shouldPersistWithOneStyle() {
        ARCHITECTURE.onePersistenceStyle().check(ARCHITECTURE.mainClasses());
    }
}
