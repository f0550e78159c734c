package com.apexshare.devstack.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

/** Each rule passes on a well-laid-out fixture service and catches the fault it is for in a bad one. */
class ServiceArchitectureTest {

    private static final ServiceArchitecture GOOD = ServiceArchitecture.of("com.apexshare.fixture.good",
            new ClassFileImporter().importPackages("com.apexshare.fixture.good"));
    private static final ServiceArchitecture BAD = ServiceArchitecture.of("com.apexshare.fixture.bad",
            new ClassFileImporter().importPackages("com.apexshare.fixture.bad"));

    @Test
    void shouldPassEveryRuleOnAWellLaidOutService() {
        for (ArchRule rule : GOOD.rules()) {
            assertThatCode(() -> rule.check(GOOD.mainClasses())).as(rule.getDescription()).doesNotThrowAnyException();
        }
    }

    @Test
    void shouldCatchAServiceImportingDevstack() {
        assertViolation(BAD.independentOfOtherServicesAndDevstack(), "DevStack");
    }

    @Test
    void shouldCatchADomainClassReachingIntoItsAdapterOrRunningSql() {
        assertViolation(BAD.domainImportsNoAdapter(), "OrderRecord");
        assertViolation(BAD.domainImportsNoAdapter(), "JdbcTemplate");
    }

    @Test
    void shouldCatchAControllerOutsideWeb() {
        assertViolation(BAD.controllersLiveInWeb(), "OrderController");
    }

    @Test
    void shouldCatchAListenerThatDoesMoreThanDecodeAndDelegate() {
        assertViolation(BAD.listenersLiveInMessagingAndOnlyDecodeAndDelegate(), "OrderRecord");
        assertViolation(BAD.listenersLiveInMessagingAndOnlyDecodeAndDelegate(), "seen is not final");
    }

    @Test
    void shouldCatchAvroOutsideMessaging() {
        assertViolation(BAD.avroStaysInMessaging(), "org.apache.avro.Schema");
    }

    @Test
    void shouldCatchAnEntityLeavingThroughWeb() {
        assertViolation(BAD.entitiesNeverLeaveThroughWeb(), "OrderView");
    }

    @Test
    void shouldCatchASecondPersistenceStyle() {
        assertViolation(BAD.onePersistenceStyle(), "JdbcTemplate");
    }

    private static void assertViolation(ArchRule rule, String mentioned) {
        assertThatThrownBy(() -> rule.check(BAD.mainClasses())).isInstanceOf(AssertionError.class)
                .hasMessageContaining(mentioned);
    }
}
