package com.apexshare.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.apexshare.events.Topics;

/**
 * docker-compose.yml runs the whole system: KRaft Kafka, PostgreSQL, MinIO bridged onto Kafka, Mailpit, the topic
 * catalog, and the four services with only the environment they read, started in health-checked order.
 */
class ComposeFileTest {

    private static final Map<String, Object> COMPOSE = load();
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?-([^}]*))?}");

    @Test
    void shouldRunKafkaInKraftModeFromTheOfficialApacheImage() {
        // Given the kafka service
        Map<String, Object> kafka = service("kafka");

        // Then it is Apache's image, a combined broker and controller (KRaft, no ZooKeeper), health-checked
        assertThat((String) kafka.get("image")).startsWith("apache/kafka:");
        assertThat(environment("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsKey("KAFKA_CONTROLLER_QUORUM_VOTERS");
        assertThat(services().keySet()).noneMatch(name -> name.contains("zookeeper"));
        assertThat(kafka).containsKey("healthcheck");
    }

    @Test
    void shouldPinEveryImage() {
        // Given every service that pulls an image instead of building one
        services().keySet().forEach(name -> {
            Map<String, Object> service = service(name);
            if (!service.containsKey("build")) {
                String image = (String) service.get("image");

                // Then the image has an explicit tag other than latest
                assertThat(image).as(name).matches(".+:[^:/]+").doesNotEndWith(":latest");
            }
        });
    }

    @Test
    void shouldCreateTheTopicCatalogLikeTheHelmChart() {
        // Given the topics kafka-init creates
        Map<String, Integer> created = kafkaInitTopics();

        // Then every catalog topic and the raw notifications topic exist with their partitions
        for (var topic : Topics.all()) {
            assertThat(created).as(topic.name()).containsEntry(topic.name(), topic.partitions());
        }
        // Then it creates exactly the chart's topics (catalog and dead letters), so both deployments agree
        Set<String> chartTopics = HelmChartTest.TopicsJob.of(RenderedChart.of(RenderedChart.Variant.DEFAULT_TOPICS_JOB)).topics();
        assertThat(created.keySet()).containsExactlyInAnyOrderElementsOf(chartTopics);
        // Then it waits for a healthy broker
        assertThat(condition("kafka-init", "kafka")).contains("service_healthy");
    }

    @Test
    void shouldBridgeMinioNotificationsOfTheVideosBucketOntoTheRawTopic() {
        // Given MinIO and its one-shot set-up
        Map<String, String> minio = environment("minio");
        String setup = String.join("\n", commandOf("minio-init"));

        // Then MinIO's Kafka target publishes to the raw notifications topic on the services' broker
        assertThat(minio).containsEntry("MINIO_NOTIFY_KAFKA_ENABLE_PRIMARY", "on")
                .containsEntry("MINIO_NOTIFY_KAFKA_TOPIC_PRIMARY", Topics.S3_NOTIFICATIONS_RAW.name())
                .containsEntry("MINIO_NOTIFY_KAFKA_BROKERS_PRIMARY", environment("upload-service").get("KAFKA_BOOTSTRAP_SERVERS"));
        // Then the topic exists before MinIO starts publishing
        assertThat(condition("minio", "kafka-init")).contains("service_completed_successfully");
        // Then the videos bucket (the one the services use) notifies ObjectCreated under videos/ to that target
        String bucket = resolved(environment("upload-service").getOrDefault("S3_BUCKET", "apexshare-videos"));
        assertThat(setup).contains("mc mb --ignore-existing local/" + bucket)
                .contains("mc event add local/" + bucket + " arn:minio:sqs::PRIMARY:kafka --event put --prefix videos/");
        assertThat(condition("minio-init", "minio")).contains("service_healthy");
    }

    @Test
    void shouldCatchEmailInMailpitWithAWebUi() {
        // Given the mail catcher
        Map<String, Object> mailpit = service("mailpit");

        // Then it is Mailpit with its web UI published
        assertThat((String) mailpit.get("image")).startsWith("axllent/mailpit:");
        assertThat(Yamls.values(mailpit, "ports")).contains("8025:8025");
    }

    @Test
    void shouldCreateTheDatabaseOfEveryStatefulService() {
        // Given PostgreSQL's init script
        String init = Yamls.string(COMPOSE, "configs.postgres-databases.content");
        assertThat(Yamls.list(service("postgres"), "configs")).anySatisfy(c -> assertThat((String) c.get("target"))
                .startsWith("/docker-entrypoint-initdb.d/"));

        for (Service service : Service.values()) {
            // When the service uses a database
            String url = environment(service.module()).get("DB_URL");
            if (url != null) {
                // Then the script creates it, and the service waits for a healthy PostgreSQL
                String database = url.replaceAll(".*/([a-z_]+)(\\?.*)?$", "$1");
                assertThat(init).as(service.module()).contains("CREATE DATABASE " + database + ";");
                assertThat(condition(service.module(), "postgres")).contains("service_healthy");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void shouldBuildEachServiceFromItsDockerfileAndPublishItsPort(Service service) {
        // Given the service in compose
        Map<String, Object> s = service(service.module());

        // Then it is built from its Dockerfile with the repository root as context (.dockerignore)
        assertThat(Yamls.string(s, "build.context")).isEqualTo(".");
        assertThat(Yamls.string(s, "build.dockerfile")).isEqualTo(service.module() + "/Dockerfile");
        // Then it listens on and publishes the contract's port
        assertThat(environment(service.module())).containsEntry("PORT", String.valueOf(service.port()));
        assertThat(Yamls.values(s, "ports")).contains(service.port() + ":" + service.port());
        // Then, like in Kubernetes, its root filesystem is read-only with a writable /tmp
        assertThat(s.get("read_only")).isEqualTo(true);
        assertThat(Yamls.values(s, "tmpfs")).contains("/tmp");
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void shouldSetOnlyEnvironmentVariablesTheServiceReads(Service service) {
        // Given what the service's application.yaml reads and what compose sets
        ServiceConfiguration configuration = service.configuration();
        Map<String, String> values = environment(service.module());
        Set<String> set = values.keySet();

        // Then compose sets nothing the service would ignore, and everything it needs
        assertThat(EnvironmentContract.unread(configuration, set))
                .as("%s: set in docker-compose.yml but not read by %s", service.module(), service.applicationYaml())
                .isEmpty();
        assertThat(set).as("%s: required variables", service.module())
                .containsAll(EnvironmentContract.required(service, configuration, values));
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void shouldStartEachServiceAfterItsDependenciesAreReady(Service service) {
        // Given the service's dependencies
        Map<String, Object> dependsOn = Yamls.map(service(service.module()), "depends_on");
        Map<String, String> env = environment(service.module());

        // Then it starts once the topics exist, and once the bucket exists if it talks to S3
        assertThat(condition(service.module(), "kafka-init")).contains("service_completed_successfully");
        if (env.containsKey("S3_ENDPOINT")) {
            assertThat(condition(service.module(), "minio-init")).contains("service_completed_successfully");
        }
        // Then every dependency it waits to be healthy has a health check
        dependsOn.forEach((dependency, spec) -> {
            if ("service_healthy".equals(Yamls.string(spec, "condition"))) {
                assertThat(service(dependency)).as(dependency).containsKey("healthcheck");
            }
        });
        // Then its own health check asks Actuator's liveness group on its port (the gateway waits for it)
        String check = String.join(" ", Yamls.values(service(service.module()), "healthcheck.test").stream()
                .map(String::valueOf).toList());
        assertThat(check).contains("/dev/tcp/127.0.0.1/" + service.port()).contains("/actuator/health/liveness");
    }

    @Test
    void shouldRouteEveryPublicPathLikeTheIngress() {
        // Given the gateway's nginx locations
        String config = Yamls.string(COMPOSE, "configs.gateway-routes.content");
        Matcher m = Pattern.compile("location\\s+(=|~)?\\s*(\\S+)\\s*\\{([^}]*)}").matcher(config);
        List<PublicPaths.Location> locations = new ArrayList<>();
        while (m.find()) {
            Matcher proxy = Pattern.compile("proxy_pass\\s+http://([a-z-]+):(\\d+)").matcher(m.group(3));
            String backend = null;
            if (proxy.find()) {
                Service target = Service.byModule(proxy.group(1));
                assertThat(Integer.parseInt(proxy.group(2))).as(proxy.group(1)).isEqualTo(target.port());
                backend = target.module();
            }
            locations.add(new PublicPaths.Location(m.group(1) == null ? "" : m.group(1), m.group(2), backend));
        }
        assertThat(locations).isNotEmpty();

        // When each path of the contract is routed / Then it reaches its owner, and internal paths reach nothing
        PublicPaths.contract().forEach((path, owner) -> assertThat(PublicPaths.nginx(locations, path))
                .as(path).isEqualTo(owner.map(Service::module)));
        // Then the gateway is the public port of the local run
        assertThat(Yamls.values(service("gateway"), "ports")).contains("8080:80");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static Map<String, Object> load() {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(Repository.read(Repository.COMPOSE_FILE));
    }

    private static Map<String, Object> services() {
        return Yamls.map(COMPOSE, "services");
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> service = Yamls.map(services(), name);
        assertThat(service).as("compose service %s", name).isNotEmpty();
        return service;
    }

    /** A service's environment (map form), values as written (interpolations unresolved). */
    private static Map<String, String> environment(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        Yamls.map(service(name), "environment").forEach((k, v) -> env.put(k, v == null ? "" : String.valueOf(v)));
        return env;
    }

    /** The condition a service waits for on a dependency, if it depends on it. */
    private static Optional<String> condition(String service, String dependency) {
        return Optional.ofNullable(Yamls.string(Yamls.map(service(service), "depends_on").get(dependency), "condition"));
    }

    private static List<String> commandOf(String name) {
        return Yamls.values(service(name), "command").stream().map(String::valueOf).toList();
    }

    /** Topic -> partitions from kafka-init's "create <topic> <partitions> <retention.ms>" lines. */
    private static Map<String, Integer> kafkaInitTopics() {
        Map<String, Integer> topics = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*create (\\S+) (\\d+) (\\d+)\\s*$").matcher(String.join("\n", commandOf("kafka-init")));
        while (m.find()) {
            topics.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        assertThat(new TreeSet<>(topics.keySet())).isNotEmpty();
        return topics;
    }

    /** A value with compose's ${VAR:-default} interpolations replaced by their defaults. */
    private static String resolved(String value) {
        return INTERPOLATION.matcher(value).replaceAll(r -> Matcher.quoteReplacement(r.group(2) == null ? "" : r.group(2)));
    }
}
