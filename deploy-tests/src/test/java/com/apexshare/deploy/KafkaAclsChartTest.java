package com.apexshare.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.apexshare.deploy.HelmChartTest.TopicsJob;
import com.apexshare.deploy.RenderedChart.Variant;
import com.apexshare.events.access.KafkaAcls;

/**
 * The chart's ACL Job: it applies exactly the ACLs that {@link KafkaAcls} generates from the topic catalog's owners,
 * with the administrator's credentials from a Secret, before the topics Job.
 */
class KafkaAclsChartTest {

    @ParameterizedTest
    @EnumSource(names = {"PRODUCTION_TOPICS_JOB", "PRODUCTION_SCRAM_USERS"})
    void shouldApplyExactlyTheAclsGeneratedFromTheTopicCatalog(Variant variant) {
        // Given the production render (ACLs on) with the default user and group names
        TopicsJob job = TopicsJob.of(RenderedChart.of(variant), "kafka-acls");

        // When its ACL lines are read
        List<String> lines = lines(Yamls.string(job.env("ACLS"), "value"));

        // Then they are the generator's, line for line: no service may write another's topic or read beyond its own
        assertThat(lines).containsExactlyElementsOf(KafkaAcls.render(KafkaAcls.defaults()));
    }

    @Test
    void shouldApplyTheAclsAsTheAdministratorAndLeaveMskUsersToSecretsManager() {
        // Given the production render (Amazon MSK: SCRAM users are Secrets Manager secrets)
        TopicsJob job = TopicsJob.of(RenderedChart.of(Variant.PRODUCTION_TOPICS_JOB), "kafka-acls");

        // Then it logs in with the administrator's JAAS line from its Secret
        assertThat(Yamls.string(job.env("KAFKA_SASL_JAAS_CONFIG"), "valueFrom.secretKeyRef.name"))
                .isEqualTo("apexshare-kafka-admin");
        assertThat(Yamls.string(job.env("KAFKA_SECURITY_PROTOCOL"), "value")).isEqualTo("SASL_SSL");
        // Then it sets no SCRAM credentials and holds no password
        assertThat(Yamls.string(job.env("CREATE_SCRAM_USERS"), "value")).isEqualTo("false");
        assertThat(Yamls.list(job.container(), "env")).noneMatch(e -> ((String) e.get("name")).startsWith("PASSWORD_"));
        // Then it runs like the services: non-root, read-only root filesystem, no capabilities
        assertThat(Yamls.get(job.pod(), "securityContext.runAsNonRoot")).isEqualTo(true);
        assertThat(Yamls.get(job.container(), "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
    }

    @Test
    void shouldSetEveryUsersScramCredentialsFromItsOwnSecretOnASelfManagedCluster() {
        // Given the production render with createScramUsers on
        TopicsJob job = TopicsJob.of(RenderedChart.of(Variant.PRODUCTION_SCRAM_USERS), "kafka-acls");

        // When the users it sets are read ("user PASSWORD_<n>")
        List<String[]> users = lines(Yamls.string(job.env("USERS"), "value")).stream().map(l -> l.split(" "))
                .toList();

        // Then every principal the ACLs name gets its credentials, each from a secretKeyRef, none as a value
        List<String> principals = KafkaAcls.defaults().stream().map(b -> b.entry().principal()).distinct().toList();
        assertThat(users.stream().map(u -> "User:" + u[0]).toList()).containsExactlyInAnyOrderElementsOf(principals);
        for (String[] user : users) {
            Map<String, Object> password = job.env(user[1]);
            assertThat(password).doesNotContainKey("value");
            assertThat(Yamls.string(password, "valueFrom.secretKeyRef.name")).as(user[0]).isNotBlank();
        }
        assertThat(users.stream().map(u -> Yamls.string(job.env(u[1]), "valueFrom.secretKeyRef.name")).distinct())
                .hasSize(users.size());
    }

    @Test
    void shouldRenderNoAclJobByDefaultAndRunItBeforeTheTopicsJob() {
        // Given the default values (PLAINTEXT, no authorizer) / Then there is no ACL Job
        assertThat(RenderedChart.of(Variant.DEFAULT_TOPICS_JOB).ofKind("Job"))
                .noneMatch(j -> String.valueOf(Yamls.string(j, "metadata.name")).contains("kafka-acls"));
        // Then, as hooks, the ACL Job runs first: the topics Job's user needs its ACLs
        String acls = Repository.read(Repository.CHART.resolve("templates/kafka-acls-job.yaml"));
        String topics = Repository.read(Repository.CHART.resolve("templates/kafka-topics-job.yaml"));
        assertThat(acls).contains("helm.sh/hook: pre-install,pre-upgrade").contains("helm.sh/hook-weight: \"-20\"");
        assertThat(topics).contains("helm.sh/hook-weight: \"-10\"");
    }

    @Test
    void shouldTurnEveryLineIntoOneKafkaAclsCommandAndEveryUserIntoItsScramCredentials(@TempDir Path dir)
            throws Exception {
        // Given the Job's script, with the Kafka tools replaced by stubs that record their arguments
        TopicsJob job = TopicsJob.of(RenderedChart.of(Variant.PRODUCTION_SCRAM_USERS), "kafka-acls");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path calls = dir.resolve("calls.txt");
        for (String tool : List.of("kafka-acls.sh", "kafka-configs.sh")) {
            Path stub = bin.resolve(tool);
            Files.writeString(stub, "#!/bin/sh\necho \"" + tool + " $*\" >> \"" + calls + "\"\n");
            stub.toFile().setExecutable(true);
        }
        String script = Yamls.values(job.container(), "args").get(0).toString()
                .replace("/opt/kafka/bin/", bin + "/").replace("/tmp/client.properties", dir + "/client.properties");
        Map<String, String> env = new HashMap<>();
        for (Map<String, Object> e : Yamls.list(job.container(), "env")) {
            String name = (String) e.get("name");
            env.put(name, e.containsKey("value") ? String.valueOf(e.get("value"))
                    : "from-" + Yamls.string(e, "valueFrom.secretKeyRef.name"));
        }

        // When it runs
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        bash.environment().putAll(env);
        Process run = bash.start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();

        // Then it succeeds, logged in as the administrator, and shows no password
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(Files.readString(dir.resolve("client.properties"))).contains("security.protocol=SASL_SSL")
                .contains("sasl.mechanism=SCRAM-SHA-512").contains("sasl.jaas.config=from-apexshare-kafka-admin");
        assertThat(output).doesNotContain("from-apexshare-kafka-upload-service");
        List<String> recorded = Files.readAllLines(calls);
        // Then every user's SCRAM credentials come from its own Secret
        List<String> users = recorded.stream().filter(c -> c.startsWith("kafka-configs.sh")).toList();
        assertThat(users).hasSize(lines(env.get("USERS")).size()).anySatisfy(c -> assertThat(c)
                .contains("--entity-name apexshare-upload-service")
                .contains("SCRAM-SHA-512=[iterations=8192,password=from-apexshare-kafka-upload-service]"));
        // Then each ACL line is one kafka-acls.sh --add with its principal, resource, pattern and operations
        List<String> adds = recorded.stream().filter(c -> c.contains("kafka-acls.sh") && c.contains("--add")).toList();
        assertThat(adds).hasSize(KafkaAcls.render(KafkaAcls.defaults()).size());
        assertThat(adds).contains("kafka-acls.sh --bootstrap-server " + env.get("KAFKA_BOOTSTRAP_SERVERS")
                + " --command-config " + dir + "/client.properties --add --allow-principal User:apexshare-topics"
                + " --topic apexshare. --resource-pattern-type prefixed --operation Alter --operation AlterConfigs"
                + " --operation Create --operation Describe --operation DescribeConfigs");
        assertThat(adds).anySatisfy(c -> assertThat(c).contains("--allow-principal User:apexshare-upload-service "
                + "--cluster --resource-pattern-type literal --operation IdempotentWrite"));
        assertThat(recorded).last().asString().contains("kafka-acls.sh").endsWith("--list");
    }

    private static List<String> lines(String value) {
        return Arrays.stream(value.split("\n")).map(String::trim).filter(l -> !l.isEmpty()).toList();
    }
}
