package com.apexshare.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each service's Dockerfile builds a layered, non-root, container-sized, health-checked image of its own jar. */
class DockerfileTest {

    private static final String BASE_IMAGE = "eclipse-temurin:17-jre";

    @ParameterizedTest
    @EnumSource(Service.class)
    void shouldLayerTheServicesOwnJarOnTheJava17Runtime(Service service) {
        // Given the service's Dockerfile
        Dockerfiles dockerfile = Dockerfiles.of(service);

        // Then both stages start from the Java 17 runtime image
        assertThat(dockerfile.all("FROM")).containsExactly(BASE_IMAGE + " AS layers", BASE_IMAGE);
        // Then the jar Maven packages for this module is the one extracted into its layers
        assertThat(dockerfile.all("COPY")).contains(
                "%s/target/%s-%s.jar application.jar".formatted(service.module(), service.module(), version(service)));
        assertThat(dockerfile.all("RUN")).anyMatch(r -> r.contains("-Djarmode=tools") && r.contains("extract --layers"));
        // Then the layers are copied least-changing first
        List<String> layers = dockerfile.all("COPY").stream().filter(c -> c.startsWith("--from=layers"))
                .map(c -> c.replaceAll(".*/extracted/([a-z-]+)/ .*", "$1")).toList();
        assertThat(layers).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void shouldRunAsANumericNonRootUser(Service service) {
        // Given the service's Dockerfile
        Dockerfiles dockerfile = Dockerfiles.of(service);

        // Then the final user is a numeric uid:gid other than root (Kubernetes can verify runAsNonRoot)
        assertThat(dockerfile.last("USER")).get().asString().matches("[1-9][0-9]*:[1-9][0-9]*");
        assertThat(dockerfile.user()).isPositive();
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void shouldListenOnTheServicePortAndCheckLiveness(Service service) {
        // Given the service's Dockerfile and configuration
        Dockerfiles dockerfile = Dockerfiles.of(service);
        ServiceConfiguration configuration = service.configuration();

        // Then PORT (read by server.port) and EXPOSE are the contract's port, which is also the yaml's default
        assertThat(configuration.defaultOf("PORT")).contains(String.valueOf(service.port()));
        assertThat(dockerfile.all("ENV")).contains("PORT=" + service.port());
        assertThat(dockerfile.all("EXPOSE")).containsExactly(String.valueOf(service.port()));
        // Then the health check asks Actuator's liveness group on that port
        String healthcheck = dockerfile.last("HEALTHCHECK").orElseThrow();
        assertThat(healthcheck).contains("/actuator/health/liveness").contains("${PORT}").contains(" 200 ");
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void shouldSizeTheJvmFromTheContainerLimit(Service service) {
        // Given the service's entry point
        String entrypoint = Dockerfiles.of(service).last("ENTRYPOINT").orElseThrow();

        // Then the heap follows the memory limit, and an OutOfMemoryError ends the process for a restart
        assertThat(entrypoint).startsWith("[\"java\"")
                .contains("\"-XX:MaxRAMPercentage=75\"")
                .contains("\"-XX:+ExitOnOutOfMemoryError\"")
                .endsWith("\"-jar\", \"application.jar\"]");
    }

    @Test
    void shouldSendOnlyTheFourJarsAsBuildContext() {
        // Given the root .dockerignore (the images are built with the repository root as context)
        List<String> rules = Repository.read(Repository.DOCKERIGNORE).lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();

        // Then everything is excluded except the services' jars
        assertThat(rules.get(0)).isEqualTo("*");
        for (Service service : Service.values()) {
            assertThat(rules).contains("!%s/target/%s-%s.jar".formatted(
                    service.module(), service.module(), version(service)));
        }
        assertThat(rules).hasSize(1 + Service.values().length);
    }

    /** The module's version: its parent's (the services do not declare their own). */
    private static String version(Service service) {
        String pom = Repository.read(Repository.ROOT.resolve(service.module()).resolve("pom.xml"));
        Matcher m = Pattern.compile("<parent>.*?<version>([^<]+)</version>.*?</parent>", Pattern.DOTALL).matcher(pom);
        assertThat(m.find()).as("parent version in %s/pom.xml", service.module()).isTrue();
        return m.group(1);
    }
}
