package com.apexshare.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.apexshare.events.Topics;
import com.apexshare.events.access.KafkaAcls;
import com.apexshare.events.access.KafkaClient;
import com.apexshare.events.access.TopicOwnership;

/**
 * docker-compose.yml runs the whole system: KRaft Kafka, PostgreSQL, MinIO bridged onto Kafka, Mailpit, the topic
 * catalog, the identity provider, the four services and the gateway in front of them, each with only the environment
 * it reads, started in health-checked order, every port published on loopback only.
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
    void shouldAuthenticateEveryKafkaClientAndApplyTheGeneratedAcls() {
        // Given the broker
        Map<String, String> kafka = environment("kafka");

        // Then every listener speaks SASL, the StandardAuthorizer denies whatever no ACL allows, admin alone is super
        assertThat(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(","))
                .allSatisfy(l -> assertThat(l).endsWith(":SASL_PLAINTEXT"));
        assertThat(kafka).containsEntry("KAFKA_AUTHORIZER_CLASS_NAME",
                        "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                .containsEntry("KAFKA_SUPER_USERS", "User:admin");
        // Then kafka-init applies exactly the ACLs generated from the topic catalog's owners
        List<String> acls = Yamls.string(COMPOSE, "configs.kafka-acls.content").lines().map(String::trim)
                .filter(l -> !l.isEmpty()).toList();
        assertThat(acls).containsExactlyElementsOf(KafkaAcls.render(KafkaAcls.defaults()));
        assertThat(String.join("\n", commandOf("kafka-init"))).contains("kafka-acls.sh --add")
                .contains("done < /etc/kafka/apexshare-acls.txt");
        // Then every user the ACLs name gets SCRAM credentials, and each service logs in as its own user with the
        // password kafka-init gave it
        Map<String, String> users = environment("kafka-init").get("SCRAM_USERS").lines().map(String::trim)
                .filter(l -> !l.isEmpty()).map(l -> l.split(" "))
                .collect(Collectors.toMap(u -> u[0], u -> u[1]));
        assertThat(users.keySet().stream().map(u -> "User:" + u))
                .containsExactlyInAnyOrderElementsOf(KafkaAcls.defaults().stream().map(b -> b.entry().principal())
                        .distinct().toList());
        for (Service service : Service.values()) {
            Map<String, String> env = environment(service.module());
            KafkaClient client = TopicOwnership.byName(service.module()).orElseThrow();
            assertThat(env).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("KAFKA_USERNAME", client.defaultUser())
                    .containsEntry("KAFKA_PASSWORD", users.get(client.defaultUser()));
        }
        // Then MinIO publishes as the S3 bridge, the one writer of the raw notifications topic
        Map<String, String> minio = environment("minio");
        assertThat(minio).containsEntry("MINIO_NOTIFY_KAFKA_SASL_PRIMARY", "on")
                .containsEntry("MINIO_NOTIFY_KAFKA_SASL_MECHANISM_PRIMARY", "sha512")
                .containsEntry("MINIO_NOTIFY_KAFKA_SASL_USERNAME_PRIMARY", TopicOwnership.S3_BRIDGE.defaultUser())
                .containsEntry("MINIO_NOTIFY_KAFKA_SASL_PASSWORD_PRIMARY",
                        users.get(TopicOwnership.S3_BRIDGE.defaultUser()));
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
        assertThat(Yamls.values(mailpit, "ports")).contains("127.0.0.1:8025:8025");
    }

    @Test
    void shouldCreateTheDatabaseOfEveryStatefulService() {
        // Given PostgreSQL's init script
        String init = Yamls.string(COMPOSE, "configs.postgres-databases.content");
        assertThat(Yamls.list(service("postgres"), "configs")).anySatisfy(c -> assertThat((String) c.get("target"))
                .startsWith("/docker-entrypoint-initdb.d/"));

        for (Image image : Image.values()) {
            // When the service (or the gateway, for its sessions) uses a database
            String url = environment(image.module()).get("DB_URL");
            if (url != null) {
                // Then the script creates it, and the module waits for a healthy PostgreSQL
                String database = url.replaceAll(".*/([a-z_]+)(\\?.*)?$", "$1");
                assertThat(init).as(image.module()).contains("CREATE DATABASE " + database + ";");
                assertThat(condition(image.module(), "postgres")).contains("service_healthy");
            }
        }
        assertThat(environment("gateway").get("DB_URL")).endsWith("/gateway");
    }

    @ParameterizedTest
    @EnumSource(Image.class)
    void shouldBuildEachImageFromTheRootDockerfileAndPublishItsPortOnLoopback(Image image) {
        // Given the image's service in compose
        Map<String, Object> s = service(image.module());

        // Then it is built from the one root Dockerfile with the repository root as context (.dockerignore), the
        // module and its ports as build arguments
        assertThat(Yamls.string(s, "build.context")).isEqualTo(".");
        assertThat(Yamls.string(s, "build.dockerfile")).isIn(null, "Dockerfile");
        Map<String, String> args = new LinkedHashMap<>();
        Yamls.map(s, "build.args").forEach((k, v) -> args.put(k, String.valueOf(v)));
        Map<String, String> expected = new LinkedHashMap<>(Map.of("MODULE", image.module(), "PORT", String.valueOf(image.port())));
        image.managementPort().ifPresent(port -> expected.put("HEALTH_PORT", String.valueOf(port)));
        assertThat(args).containsExactlyInAnyOrderEntriesOf(expected);
        // Then it listens on and publishes the contract's port, to this machine only
        assertThat(environment(image.module())).containsEntry("PORT", String.valueOf(image.port()));
        assertThat(Yamls.values(s, "ports")).contains("127.0.0.1:" + image.port() + ":" + image.port());
        // Then, like in Kubernetes, its root filesystem is read-only with a writable /tmp
        assertThat(s.get("read_only")).isEqualTo(true);
        assertThat(Yamls.values(s, "tmpfs")).contains("/tmp");
        // Then its health check asks Actuator's liveness group where its probes answer
        String check = String.join(" ", Yamls.values(s, "healthcheck.test").stream().map(String::valueOf).toList());
        assertThat(check).contains("/dev/tcp/127.0.0.1/" + image.healthPort()).contains("/actuator/health/liveness");
    }

    @Test
    void shouldPublishEveryPortOnLoopbackOnly() {
        // Given every published port of every service
        services().forEach((name, spec) -> Yamls.values(spec, "ports").forEach(port ->

                // Then it is bound to 127.0.0.1: nothing of the local system is reachable from the network
                assertThat(String.valueOf(port)).as(name).startsWith("127.0.0.1:")));
    }

    @ParameterizedTest
    @EnumSource(Image.class)
    void shouldSetOnlyEnvironmentVariablesTheModuleReads(Image image) {
        // Given what the module's application.yaml reads and what compose sets
        ServiceConfiguration configuration = image.configuration();
        Map<String, String> values = environment(image.module());
        Set<String> set = values.keySet();

        // Then compose sets nothing the module would ignore, and everything it needs
        assertThat(EnvironmentContract.unread(configuration, set))
                .as("%s: set in docker-compose.yml but not read by %s", image.module(), image.applicationYaml())
                .isEmpty();
        assertThat(set).as("%s: required variables", image.module())
                .containsAll(EnvironmentContract.required(image, configuration, values));
    }

    @Test
    void shouldTakeCredentialsFromTheEnvironmentWithObviouslyLocalDefaults() {
        // Given every credential compose passes to a container
        services().keySet().forEach(name -> environment(name).forEach((variable, value) -> {
            if (EnvironmentContract.isSecret(variable)) {
                // Then it is an interpolation of a variable of the operator's (a .env file) with a throw-away default
                assertThat(value).as("%s of %s", variable, name).matches("\\$\\{[A-Z0-9_]+:-[a-z0-9-]+}");
            }
        }));
        // Then the gateway and the provider agree on the gateway's client secret
        assertThat(environment("gateway").get("GATEWAY_CLIENT_SECRET"))
                .isEqualTo(environment("identity").get("IDENTITY_GATEWAY_CLIENT_SECRET"));
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
        // Then the gateway waits for it to be healthy (its health check is the image's, checked above)
        assertThat(condition("gateway", service.module())).contains("service_healthy");
    }

    @Test
    void shouldRouteEveryPublicPathThroughTheGateway() {
        // Given the gateway, the only public entry point
        Map<String, String> gateway = environment("gateway");
        assertThat(Yamls.values(service("gateway"), "ports")).contains("127.0.0.1:8080:8080");
        assertThat(services().values()).noneSatisfy(s -> assertThat(String.valueOf(((Map<?, ?>) s).get("image")))
                .containsAnyOf("nginx", "mock-oauth2-server"));

        // When each path of the contract arrives at the gateway / Then the gateway's base URI for its owner is the
        // owner's compose service on its port (paths without an owner the gateway answers 404 itself)
        PublicPaths.contract().forEach((path, owner) -> owner.ifPresent(s -> assertThat(
                gateway.get(PublicPaths.gatewayUriVariable(s))).as(path).isEqualTo("http://" + s.module() + ":" + s.port())));
        // Then the students' links in the emails point at the gateway as the browser reaches it
        assertThat(environment("notification-service").get("LINK_BASE_URL")).isIn("http://localhost:8080",
                "http://127.0.0.1:8080");
        // Then the gateway starts once the provider it signs browsers in at is healthy
        assertThat(condition("gateway", "identity")).contains("service_healthy");
    }

    @Test
    void shouldShowBrowserAndContainersTheSameIssuer() {
        // Given the identity provider's issuer
        String issuer = environment("identity").get("IDENTITY_ISSUER");
        URI uri = URI.create(issuer);

        // Then the gateway signs in at exactly that issuer, and the services accept tokens from it with its keys
        assertThat(environment("gateway").get("OIDC_ISSUER_URI")).isEqualTo(issuer);
        for (Service service : Service.values()) {
            Map<String, String> env = environment(service.module());
            if (env.containsKey("OIDC_ISSUER_URI")) {
                assertThat(env.get("OIDC_ISSUER_URI")).as(service.module()).isEqualTo(issuer);
                assertThat(env.get("OIDC_JWK_SET_URI")).as(service.module()).isEqualTo(issuer + "/oauth2/jwks");
            }
        }
        // Then inside the network the issuer's host is the provider's container, listening on the issuer's port ...
        assertThat(uri.getHost()).isEqualTo("identity");
        assertThat(Yamls.string(service("identity"), "hostname")).isEqualTo("identity");
        assertThat(environment("identity").get("PORT")).isEqualTo(String.valueOf(uri.getPort()));
        // ... and on the host the same port is published on loopback, where the documented hosts entry points the name
        assertThat(Yamls.values(service("identity"), "ports")).contains("127.0.0.1:" + uri.getPort() + ":" + uri.getPort());
        assertThat(Repository.read(Repository.COMPOSE_FILE)).contains("echo \"127.0.0.1 minio identity\" | sudo tee -a /etc/hosts");
        // Then the provider knows the gateway's callback and post-logout addresses as the browser reaches the gateway
        assertThat(environment("identity").get("IDENTITY_GATEWAY_REDIRECT_URIS").split(","))
                .contains("http://localhost:8080/login/oauth2/code/apexshare", "http://127.0.0.1:8080/login/oauth2/code/apexshare");
        assertThat(environment("identity").get("IDENTITY_GATEWAY_POST_LOGOUT_URIS").split(","))
                .contains("http://localhost:8080/", "http://127.0.0.1:8080/");
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
