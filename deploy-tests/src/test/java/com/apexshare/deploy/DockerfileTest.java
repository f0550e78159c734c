package com.apexshare.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one root Dockerfile builds every image (the four services, the gateway, the identity provider) from its module's
 * version-free jar: layered, non-root, container-sized and health-checked on the port the image's build arguments
 * name.
 */
class DockerfileTest {

    private static final String BASE_IMAGE = "eclipse-temurin:17-jre";
    private static final Dockerfiles DOCKERFILE = Dockerfiles.root();

    @Test
    void shouldLayerTheModulesOwnVersionFreeJarOnTheJava17Runtime() {
        // Given the root Dockerfile

        // Then both stages start from the Java 17 runtime image
        assertThat(DOCKERFILE.all("FROM")).containsExactly(BASE_IMAGE + " AS layers", BASE_IMAGE);
        // Then the jar of the module named by the build argument MODULE is extracted into layers, with no version in
        // its name
        assertThat(DOCKERFILE.all("ARG")).contains("MODULE");
        assertThat(DOCKERFILE.all("COPY")).contains("${MODULE}/target/${MODULE}.jar application.jar");
        assertThat(DOCKERFILE.all("RUN")).anyMatch(r -> r.contains("-Djarmode=tools") && r.contains("extract --layers"));
        // Then the layers are copied least-changing first
        List<String> layers = DOCKERFILE.all("COPY").stream().filter(c -> c.startsWith("--from=layers"))
                .map(c -> c.replaceAll(".*/extracted/([a-z-]+)/ .*", "$1")).toList();
        assertThat(layers).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
    }

    @ParameterizedTest
    @EnumSource(Image.class)
    void shouldFindEveryImagesJarUnderItsModulesNameAlone(Image image) {
        // Given the parent pom and the module's pom
        String parent = Repository.read(Repository.ROOT_POM);
        String pom = Repository.read(Repository.ROOT.resolve(image.module()).resolve("pom.xml"));

        // Then every module's jar is named after the module (the parent's finalName), and no image's module renames
        // it: <module>/target/<module>.jar is what the Dockerfile copies and what the local run starts
        assertThat(parent).contains("<finalName>${project.artifactId}</finalName>");
        assertThat(pom).contains("<artifactId>" + image.module() + "</artifactId>").doesNotContain("<finalName>")
                .doesNotContain("<classifier>");
        // Then no module keeps a Dockerfile of its own
        assertThat(Files.exists(Repository.ROOT.resolve(image.module()).resolve("Dockerfile"))).isFalse();
    }

    @Test
    void shouldRunAsANumericNonRootUser() {
        // Given the final stage

        // Then the final user is a numeric uid:gid other than root (Kubernetes can verify runAsNonRoot)
        assertThat(DOCKERFILE.last("USER")).get().asString().matches("[1-9][0-9]*:[1-9][0-9]*");
        assertThat(DOCKERFILE.user()).isPositive();
    }

    @ParameterizedTest
    @EnumSource(Image.class)
    void shouldListenOnTheBuildArgumentsPortAndCheckLivenessWhereTheProbesAnswer(Image image) {
        // Given the final stage's build arguments and environment, and the module's configuration
        Dockerfiles runtime = DOCKERFILE.finalStage();
        ServiceConfiguration configuration = image.configuration();

        // Then PORT (the application's server.port variable) and EXPOSE come from the build argument PORT, which for
        // this image is its contract port, the yaml's default
        assertThat(runtime.args()).containsKeys("MODULE", "PORT", "HEALTH_PORT").containsEntry("HEALTH_PATH",
                Optional.of("/actuator/health/liveness"));
        assertThat(runtime.args().get("PORT")).as("PORT has no default: every build names it").isEmpty();
        assertThat(configuration.defaultOf("PORT")).contains(String.valueOf(image.port()));
        assertThat(runtime.all("ENV")).anySatisfy(env -> assertThat(env).contains("PORT=${PORT}")
                .contains("HEALTH_PORT=${HEALTH_PORT:-${PORT}}").contains("HEALTH_PATH=${HEALTH_PATH}"));
        assertThat(runtime.all("EXPOSE")).containsExactly("${PORT}");
        // Then its probes' port is what HEALTH_PORT defaults to (PORT), or its management port's default
        image.managementPort().ifPresent(management ->
                assertThat(configuration.defaultOf("MANAGEMENT_PORT")).contains(String.valueOf(management)));
        // Then the health check asks Actuator's liveness group on that port at run time
        String healthcheck = runtime.last("HEALTHCHECK").orElseThrow();
        assertThat(healthcheck).contains("/dev/tcp/127.0.0.1/${HEALTH_PORT}").contains("${HEALTH_PATH}")
                .contains(" 200 ");
        // Then a build without MODULE or PORT stops with a message instead of an image that cannot start
        assertThat(runtime.all("RUN")).anySatisfy(run -> assertThat(run).contains("test -n \"${MODULE}\"")
                .contains("test -n \"${PORT}\"").contains("exit 1"));
    }

    @Test
    void shouldSizeTheJvmFromTheContainerLimit() {
        // Given the entry point
        String entrypoint = DOCKERFILE.last("ENTRYPOINT").orElseThrow();

        // Then the heap follows the memory limit, and an OutOfMemoryError ends the process for a restart
        assertThat(entrypoint).startsWith("[\"java\"")
                .contains("\"-XX:MaxRAMPercentage=75\"")
                .contains("\"-XX:+ExitOnOutOfMemoryError\"")
                .endsWith("\"-jar\", \"application.jar\"]");
    }

    @Test
    void shouldDocumentTheBuildOfEveryImage() {
        // Given the build commands in docs/operations.md
        String operations = Repository.read(Repository.ROOT.resolve("docs/operations.md"));

        for (Image image : Image.values()) {
            // Then each image's command names its module and port (and the gateway's health port)
            Matcher command = Pattern.compile("docker build[^\\n]*--build-arg MODULE=" + Pattern.quote(image.module())
                    + " [^\\n]*").matcher(operations);
            assertThat(command.find()).as("a docker build command for %s", image.module()).isTrue();
            assertThat(command.group()).contains("--build-arg PORT=" + image.port());
            image.managementPort().ifPresent(port -> assertThat(command.group()).contains("--build-arg HEALTH_PORT=" + port));
        }
    }

    @Test
    void shouldSendOnlyTheSixJarsAsBuildContext() {
        // Given the root .dockerignore (the images are built with the repository root as context)
        List<String> rules = Repository.read(Repository.DOCKERIGNORE).lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();

        // Then everything is excluded except each image's jar
        assertThat(rules.get(0)).isEqualTo("*");
        assertThat(rules.subList(1, rules.size())).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(Image.values()).map(image -> "!" + image.jar()).toList());
    }
}
