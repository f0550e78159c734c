package com.apexshare.devstack.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;

class ServiceArchitectureChecksTest {

    @Test
    void shouldCheckEveryRuleOfTheArchitectureAsATestOfItsOwn() {
        // Given the rules a service must keep
        int rules = ServiceArchitecture.of("com.apexshare.fixture.good",
                new ClassFileImporter().importPackages("com.apexshare.fixture.good")).rules().size();

        // Then the checks that every service's ArchitectureTest inherits have one test per rule
        long tests = Arrays.stream(ServiceArchitectureChecks.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class)).count();
        assertThat(tests).isEqualTo(rules);
    }
}
