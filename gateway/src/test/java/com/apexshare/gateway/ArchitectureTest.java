package com.apexshare.gateway;

import org.junit.jupiter.api.Test;

import com.apexshare.devstack.architecture.ServiceArchitecture;
import com.tngtech.archunit.lang.ArchRule;

/** The gateway keeps the services' layering: feature packages free of HTTP, adapters below them, no other service. */
class ArchitectureTest {

    @Test
    void shouldKeepEveryArchitectureRule() {
        ServiceArchitecture architecture = ServiceArchitecture.of("com.apexshare.gateway");
        for (ArchRule rule : architecture.rules()) {
            rule.check(architecture.mainClasses());
        }
    }
}
