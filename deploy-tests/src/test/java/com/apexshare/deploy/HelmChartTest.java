package com.apexshare.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.apexshare.deploy.RenderedChart.EnvSource;
import com.apexshare.deploy.RenderedChart.Variant;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;

/**
 * The Helm chart lints strictly and renders, with default and production values (Cognito, and the Keycloak
 * alternative), what every service and the gateway need; everything from outside goes through the gateway.
 */
class HelmChartTest {

    private static final String GATEWAY = RenderedChart.gatewayName();

    @Test
    void shouldPassStrictLint() {
        // Given the chart in k8s/apexshare

        // When Helm lints it in strict mode (warnings fail)
        LintResult result = new Helm(Repository.CHART).lint().strict().call();

        // Then it passes without a warning or an error
        assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }

    @ParameterizedTest
    @EnumSource(names = {"DEFAULT", "PRODUCTION"})
    void shouldRenderTheObjectsOfEveryService(Variant variant) {
        // Given the rendered chart
        RenderedChart chart = RenderedChart.of(variant);

        // When each service's objects are looked up / Then all of them exist
        for (Service service : Service.values()) {
            String name = RenderedChart.objectName(service);
            for (String kind : List.of("Deployment", "Service", "ConfigMap", "ServiceAccount",
                    "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy")) {
                assertThat(chart.find(kind, name)).as("%s %s", kind, name).isPresent();
            }
        }
        // Then so do the gateway's
        for (String kind : List.of("Deployment", "Service", "ConfigMap", "ServiceAccount", "HorizontalPodAutoscaler",
                "PodDisruptionBudget", "NetworkPolicy")) {
            assertThat(chart.find(kind, GATEWAY)).as("%s %s", kind, GATEWAY).isPresent();
        }
        // Then the chart never creates a Secret (credentials are references to existing Secrets)
        assertThat(chart.ofKind("Secret")).isEmpty();
        // Then the development identity provider is no part of it
        assertThat(chart.all()).noneMatch(o -> String.valueOf(Yamls.string(o, "metadata.name")).contains("identity"));
        assertThat(chart.ofKind("Deployment")).allSatisfy(d -> assertThat(Yamls.string(
                Yamls.list(d, "spec.template.spec.containers").get(0), "image")).doesNotContain("/identity:"));
    }

    @ParameterizedTest
    @EnumSource(names = {"DEFAULT", "PRODUCTION"})
    void shouldProbeTheGatewayOnItsManagementPort(Variant variant) {
        // Given the gateway's container
        RenderedChart chart = RenderedChart.of(variant);
        Map<String, Object> container = chart.container(GATEWAY);
        Map<String, EnvSource> env = chart.environment(GATEWAY);

        // Then its public and management ports are named, and tell Spring where to listen
        assertThat(Yamls.list(container, "ports")).anySatisfy(p -> assertThat(p).containsEntry("name", "http")
                .containsEntry("containerPort", Image.GATEWAY.port()));
        assertThat(Yamls.list(container, "ports")).anySatisfy(p -> assertThat(p).containsEntry("name", "management")
                .containsEntry("containerPort", Image.GATEWAY.healthPort()));
        assertThat(env.get("PORT")).isEqualTo(EnvSource.literal(String.valueOf(Image.GATEWAY.port())));
        assertThat(env.get("MANAGEMENT_PORT").value()).isEqualTo(String.valueOf(Image.GATEWAY.healthPort()));
        // Then the probes ask Actuator on the management port (the public port has no /actuator)
        assertThat(Yamls.string(container, "startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(Yamls.string(container, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(Yamls.string(container, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(Yamls.string(container, probe + ".httpGet.port")).as(probe).isEqualTo("management");
        }
        int startupBudget = (Integer) Yamls.get(container, "startupProbe.periodSeconds")
                * (Integer) Yamls.get(container, "startupProbe.failureThreshold");
        assertThat(startupBudget).isGreaterThanOrEqualTo(120);
        // Then the Service offers both ports by name
        assertThat(Yamls.list(chart.get("Service", GATEWAY), "spec.ports")).extracting(p -> p.get("name"))
                .containsExactlyInAnyOrder("http", "management");
    }

    @ParameterizedTest
    @EnumSource(names = {"DEFAULT", "PRODUCTION"})
    void shouldRunTheGatewayBehindTlsWithSecureCookiesTrustedProxiesAndItsOwnSessionDatabase(Variant variant) {
        // Given the gateway's environment
        RenderedChart chart = RenderedChart.of(variant);
        Map<String, EnvSource> env = chart.environment(GATEWAY);

        // Then its cookies are Secure (TLS ends at the ingress), it believes the ingress controller's forwarding
        // headers, and its sessions live in a database and schema of their own
        assertThat(env.get("GATEWAY_SECURE_COOKIES").value()).isEqualTo("true");
        assertThat(env.get("GATEWAY_TRUSTED_PROXIES").value()).matches("[0-9./,:a-f]+");
        assertThat(env.get("DB_URL").value()).matches("jdbc:postgresql://[^/]+/gateway(\\?.*)?");
        assertThat(env.get("DB_SCHEMA").value()).isEqualTo("gateway");
        // Then it signs browsers in at the services' issuer with its client, whose secret is a Secret's
        assertThat(env.get("OIDC_ISSUER_URI").value()).isEqualTo(chart.environment(Service.UPLOAD).get("OIDC_ISSUER_URI").value());
        assertThat(env.get("GATEWAY_CLIENT_ID").value()).isNotBlank();
        assertThat(env.get("GATEWAY_CLIENT_SECRET").kind()).isEqualTo(EnvSource.Kind.SECRET);
        // Then the web app may reach the bucket directly (Content-Security-Policy)
        assertThat(env.get("GATEWAY_CSP_EXTRA_ORIGINS").value()).matches("https?://[^/]+(,https?://[^/]+)*");
        // Then the services trust the gateway's forwarded client address (the per-student rate limit)
        assertThat(chart.environment(Service.DOWNLOAD).get("TRUSTED_PROXIES").value()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(names = {"DEFAULT", "PRODUCTION"})
    void shouldProbeActuatorHealthOnTheServicePort(Variant variant) {
        RenderedChart chart = RenderedChart.of(variant);
        for (Service service : Service.values()) {
            // Given the service's container
            Map<String, Object> container = chart.container(service);

            // When its probes and port are read / Then they use Actuator's liveness and readiness groups
            assertThat(Yamls.string(container, "startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
            assertThat(Yamls.string(container, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
            assertThat(Yamls.string(container, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(Yamls.string(container, probe + ".httpGet.port")).as(probe).isEqualTo("http");
            }
            // Then the named port is the service's port, which is also what PORT tells Spring to listen on
            Map<String, Object> port = Yamls.list(container, "ports").get(0);
            assertThat(port).containsEntry("name", "http").containsEntry("containerPort", service.port());
            assertThat(chart.environment(service).get("PORT")).isEqualTo(EnvSource.literal(String.valueOf(service.port())));
            // Then the startup probe gives a slow start (migrations, first Kafka connection) at least two minutes
            int startupBudget = (Integer) Yamls.get(container, "startupProbe.periodSeconds")
                    * (Integer) Yamls.get(container, "startupProbe.failureThreshold");
            assertThat(startupBudget).isGreaterThanOrEqualTo(120);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"DEFAULT", "PRODUCTION"})
    void shouldRequestAndLimitResources(Variant variant) {
        RenderedChart chart = RenderedChart.of(variant);
        for (Service service : Service.values()) {
            // Given the service's container resources
            Map<String, Object> resources = Yamls.map(chart.container(service), "resources");

            // Then CPU and memory are requested and memory is limited (the JVM sizes its heap from the limit)
            assertThat(Yamls.string(resources, "requests.cpu")).as(service.module()).isNotBlank();
            assertThat(Yamls.string(resources, "requests.memory")).as(service.module()).isNotBlank();
            assertThat(Yamls.string(resources, "limits.memory")).as(service.module()).isNotBlank();
        }
        Map<String, Object> gateway = Yamls.map(chart.container(GATEWAY), "resources");
        assertThat(Yamls.string(gateway, "requests.cpu")).isNotBlank();
        assertThat(Yamls.string(gateway, "requests.memory")).isNotBlank();
        assertThat(Yamls.string(gateway, "limits.memory")).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(names = {"DEFAULT", "PRODUCTION"})
    void shouldRunAsNonRootOnAReadOnlyRootFilesystemWithoutCapabilities(Variant variant) {
        RenderedChart chart = RenderedChart.of(variant);
        List<String> deployments = new java.util.ArrayList<>(
                Arrays.stream(Service.values()).map(RenderedChart::objectName).toList());
        deployments.add(GATEWAY);
        for (String deployment : deployments) {
            // Given the pod (a service's or the gateway's)
            Map<String, Object> pod = Yamls.map(chart.get("Deployment", deployment), "spec.template.spec");
            Map<String, Object> container = chart.container(deployment);

            // Then it runs as the image's non-root user
            assertThat(Yamls.get(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
            assertThat(Yamls.get(pod, "securityContext.runAsUser")).isEqualTo(Dockerfiles.root().user());
            assertThat(Yamls.string(pod, "securityContext.seccompProfile.type")).isEqualTo("RuntimeDefault");
            // Then the container cannot write its root filesystem, escalate or keep any capability
            assertThat(Yamls.get(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
            assertThat(Yamls.get(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
            assertThat(Yamls.values(container, "securityContext.capabilities.drop")).containsExactly("ALL");
            // Then /tmp (Tomcat's work directory) is a writable emptyDir
            Map<String, Object> tmpMount = Yamls.list(container, "volumeMounts").stream()
                    .filter(m -> "/tmp".equals(m.get("mountPath"))).findFirst().orElseThrow();
            Map<String, Object> tmpVolume = Yamls.list(pod, "volumes").stream()
                    .filter(v -> tmpMount.get("name").equals(v.get("name"))).findFirst().orElseThrow();
            assertThat(tmpVolume).containsKey("emptyDir");
            // Then no Kubernetes API token is mounted (the services never call the API)
            assertThat(Yamls.get(pod, "automountServiceAccountToken")).isEqualTo(false);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"DEFAULT", "PRODUCTION", "PRODUCTION_KEYCLOAK", "PRODUCTION_CLOUDFRONT"})
    void shouldSetOnlyEnvironmentVariablesTheModuleReads(Variant variant) {
        RenderedChart chart = RenderedChart.of(variant);
        Map<Image, String> deployments = new java.util.LinkedHashMap<>();
        for (Service service : Service.values()) {
            deployments.put(service.image(), RenderedChart.objectName(service));
        }
        deployments.put(Image.GATEWAY, GATEWAY);
        deployments.forEach((image, deployment) -> {
            // Given what the module's application.yaml reads and what the chart sets
            ServiceConfiguration configuration = image.configuration();
            Map<String, String> values = new java.util.HashMap<>();
            chart.environment(deployment).forEach((name, source) -> values.put(name, source.value()));
            Set<String> set = values.keySet();

            // Then the chart sets nothing the module would ignore, and everything it needs
            assertThat(EnvironmentContract.unread(configuration, set))
                    .as("%s: set by the chart (%s) but not read by %s", image.module(), variant, image.applicationYaml())
                    .isEmpty();
            assertThat(set).as("%s: required variables (%s)", image.module(), variant)
                    .containsAll(EnvironmentContract.required(image, configuration, values));
        });
    }

    @ParameterizedTest
    @EnumSource(names = {"DEFAULT", "PRODUCTION", "PRODUCTION_KEYCLOAK", "PRODUCTION_CLOUDFRONT"})
    void shouldNeverRunAServiceInADevelopmentProfile(Variant variant) {
        RenderedChart chart = RenderedChart.of(variant);
        List<String> deployments = new java.util.ArrayList<>(
                Arrays.stream(Service.values()).map(RenderedChart::objectName).toList());
        deployments.add(GATEWAY);
        for (String deployment : deployments) {
            // Given the service's or the gateway's environment
            EnvSource profiles = chart.environment(deployment).get("SPRING_PROFILES_ACTIVE");

            // Then no local or test profile switches off the platform's refusal of development defaults
            if (profiles != null) {
                assertThat(List.of(profiles.value().split(","))).as("SPRING_PROFILES_ACTIVE of %s", deployment)
                        .map(String::trim).doesNotContain("local", "test");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"DEFAULT", "PRODUCTION", "PRODUCTION_CLOUDFRONT"})
    void shouldTakeCredentialsOnlyFromExistingSecrets(Variant variant) {
        RenderedChart chart = RenderedChart.of(variant);
        List<String> deployments = new java.util.ArrayList<>(
                Arrays.stream(Service.values()).map(RenderedChart::objectName).toList());
        deployments.add(GATEWAY);
        for (String deployment : deployments) {
            // Given the service's or the gateway's environment
            Map<String, EnvSource> env = chart.environment(deployment);

            // Then every credential is a secretKeyRef, never a value in a ConfigMap or the Deployment
            env.forEach((name, source) -> {
                if (EnvironmentContract.isSecret(name)) {
                    assertThat(source.kind()).as("%s of %s", name, deployment).isEqualTo(EnvSource.Kind.SECRET);
                    assertThat(source.secretName()).isNotBlank();
                    assertThat(source.secretKey()).isNotBlank();
                }
            });
            // Then nothing comes from anywhere else than values, ConfigMaps and Secrets
            assertThat(env.values()).noneMatch(s -> s.kind() == EnvSource.Kind.OTHER);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"DEFAULT", "PRODUCTION"})
    void shouldHandOutS3PresignedUrlsUnlessCloudFrontIsSwitchedOn(Variant variant) {
        // Given the chart rendered with CloudFront left at its default (off)
        RenderedChart chart = RenderedChart.of(variant);

        // Then download-service gets no CloudFront setting and no key volume, and the CSP names only the bucket
        assertThat(chart.environment(Service.DOWNLOAD).keySet()).noneMatch(n -> n.startsWith("DOWNLOAD_CLOUDFRONT_"));
        assertThat(Yamls.list(chart.get("Deployment", RenderedChart.objectName(Service.DOWNLOAD)),
                "spec.template.spec.volumes")).noneMatch(v -> "cloudfront-key".equals(v.get("name")));
        assertThat(chart.environment(GATEWAY).get("GATEWAY_CSP_EXTRA_ORIGINS").value()).doesNotContain("cloudfront");
    }

    @Test
    void shouldSignCloudFrontUrlsWithAKeyMountedFromASecretWhenSwitchedOn() {
        // Given values-production.yaml with services.download.cloudfront.enabled
        RenderedChart chart = RenderedChart.of(Variant.PRODUCTION_CLOUDFRONT);
        String download = RenderedChart.objectName(Service.DOWNLOAD);
        Map<String, EnvSource> env = chart.environment(download);

        // Then download-service is told the distribution and the key pair id
        assertThat(env.get("DOWNLOAD_CLOUDFRONT_ENABLED").value()).isEqualTo("true");
        assertThat(env.get("DOWNLOAD_CLOUDFRONT_DOMAIN").value()).isEqualTo("d111111abcdef8.cloudfront.net");
        assertThat(env.get("DOWNLOAD_CLOUDFRONT_KEY_PAIR_ID").value()).isEqualTo("K2JCJMDEHXQW5F");
        // Then the private key is a file of the existing Secret, mounted read-only where the variable points
        Map<String, Object> pod = Yamls.map(chart.get("Deployment", download), "spec.template.spec");
        Map<String, Object> volume = Yamls.list(pod, "volumes").stream()
                .filter(v -> "cloudfront-key".equals(v.get("name"))).findFirst().orElseThrow();
        assertThat(Yamls.string(volume, "secret.secretName")).isEqualTo("apexshare-cloudfront-key");
        assertThat(Yamls.get(volume, "secret.defaultMode")).isEqualTo(0440);
        assertThat(Yamls.list(volume, "secret.items")).containsExactly(
                Map.of("key", "private-key.pem", "path", "private-key.pem"));
        Map<String, Object> mount = Yamls.list(chart.container(download), "volumeMounts").stream()
                .filter(m -> "cloudfront-key".equals(m.get("name"))).findFirst().orElseThrow();
        assertThat(mount).containsEntry("readOnly", true);
        assertThat(env.get("DOWNLOAD_CLOUDFRONT_PRIVATE_KEY_FILE").value())
                .isEqualTo(mount.get("mountPath") + "/private-key.pem");
        // Then no other service gets the key or the settings
        for (Service other : Service.values()) {
            if (other != Service.DOWNLOAD) {
                assertThat(chart.environment(other).keySet()).noneMatch(n -> n.startsWith("DOWNLOAD_CLOUDFRONT_"));
                assertThat(Yamls.list(chart.get("Deployment", RenderedChart.objectName(other)),
                        "spec.template.spec.volumes")).noneMatch(v -> "cloudfront-key".equals(v.get("name")));
            }
        }
        // Then the web app may load the signed URLs from the distribution as well as from the bucket (CSP)
        assertThat(chart.environment(GATEWAY).get("GATEWAY_CSP_EXTRA_ORIGINS").value())
                .isEqualTo("https://apexshare-videos-prod.s3.eu-west-1.amazonaws.com,https://d111111abcdef8.cloudfront.net");
    }

    @Test
    void shouldRefuseToRenderCloudFrontWithoutItsSecretOrItsSettings() {
        // Given CloudFront switched on without the Secret, and without the key pair id
        Map<String, Object> noSecret = Map.of("services.download.cloudfront.enabled", true,
                "services.download.cloudfront.existingSecret", "");
        Map<String, Object> noKeyPair = Map.of("services.download.cloudfront.enabled", true,
                "services.download.cloudfront.keyPairId", "");

        // When the chart is rendered / Then Helm fails, naming the missing value
        assertThatThrownBy(() -> RenderedChart.render(Repository.PRODUCTION_VALUES, noSecret))
                .hasMessageContaining("services.download.cloudfront.existingSecret is required");
        assertThatThrownBy(() -> RenderedChart.render(Repository.PRODUCTION_VALUES, noKeyPair))
                .hasMessageContaining("services.download.cloudfront.keyPairId is required");
    }

    @Test
    void shouldKeepNoSecretValueInTheValuesFiles() {
        // Given both values files
        for (String file : List.of("values.yaml", "values-production.yaml")) {
            Object values = new org.yaml.snakeyaml.Yaml().load(Repository.read(Repository.CHART.resolve(file)));

            // When every key that names a credential is collected
            Map<String, Object> secretLooking = SecretValues.find(values);

            // Then none holds a value (only references: existingSecret, secretName and key names are allowed)
            assertThat(secretLooking).as(file).isEmpty();
        }
    }

    @Test
    void shouldAnnotateServiceAccountsForCloudIamInProduction() {
        // Given the production render
        RenderedChart chart = RenderedChart.of(Variant.PRODUCTION);
        for (Service service : Service.values()) {
            // When the Deployment's service account is looked up
            String accountName = Yamls.string(chart.get("Deployment", RenderedChart.objectName(service)),
                    "spec.template.spec.serviceAccountName");
            Map<String, Object> account = chart.get("ServiceAccount", accountName);

            // Then it carries the IRSA role (S3 and SES access without keys)
            assertThat(Yamls.map(account, "metadata.annotations"))
                    .hasEntrySatisfying("eks.amazonaws.com/role-arn",
                            arn -> assertThat((String) arn).matches("arn:aws:iam::\\d{12}:role/.+"));
            assertThat(account.get("automountServiceAccountToken")).isEqualTo(false);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"DEFAULT", "PRODUCTION"})
    void shouldScaleWithinTheTopicPartitionsAndAllowDrains(Variant variant) {
        RenderedChart chart = RenderedChart.of(variant);
        for (Service service : Service.values()) {
            String name = RenderedChart.objectName(service);
            // Given the service's HPA, PDB and Deployment
            Map<String, Object> hpa = chart.get("HorizontalPodAutoscaler", name);
            Map<String, Object> pdb = chart.get("PodDisruptionBudget", name);
            Map<String, Object> deployment = chart.get("Deployment", name);
            int min = (Integer) Yamls.get(hpa, "spec.minReplicas");
            int max = (Integer) Yamls.get(hpa, "spec.maxReplicas");

            // Then the HPA scales the Deployment, which leaves its replica count to the HPA
            assertThat(Yamls.string(hpa, "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
            assertThat(Yamls.string(hpa, "spec.scaleTargetRef.name")).isEqualTo(name);
            assertThat(Yamls.get(deployment, "spec.replicas")).isNull();
            assertThat(min).isGreaterThanOrEqualTo(2).isLessThanOrEqualTo(max);
            // Then a node drain can always evict one pod, and the PDB selects the Deployment's pods
            assertThat((Integer) Yamls.get(pdb, "spec.minAvailable")).isLessThan(min);
            assertThat(podLabels(deployment)).containsAllEntriesOf(Yamls.map(pdb, "spec.selector.matchLabels"));
        }
        // Then the gateway, the one way in, runs at least two replicas and a drain keeps one
        Map<String, Object> gatewayHpa = chart.get("HorizontalPodAutoscaler", GATEWAY);
        assertThat(Yamls.string(gatewayHpa, "spec.scaleTargetRef.name")).isEqualTo(GATEWAY);
        assertThat((Integer) Yamls.get(gatewayHpa, "spec.minReplicas")).isGreaterThanOrEqualTo(2);
        assertThat(Yamls.get(chart.get("Deployment", GATEWAY), "spec.replicas")).isNull();
        assertThat((Integer) Yamls.get(chart.get("PodDisruptionBudget", GATEWAY), "spec.minAvailable"))
                .isLessThan((Integer) Yamls.get(gatewayHpa, "spec.minReplicas"));
        assertThat(podLabels(chart.get("Deployment", GATEWAY)))
                .containsAllEntriesOf(Yamls.map(chart.get("PodDisruptionBudget", GATEWAY), "spec.selector.matchLabels"));
        // Then the pure consumer never scales beyond its topics' partitions (more replicas would idle)
        int maxNotification = (Integer) Yamls.get(chart.get("HorizontalPodAutoscaler",
                RenderedChart.objectName(Service.NOTIFICATION)), "spec.maxReplicas");
        assertThat(maxNotification).isLessThanOrEqualTo(com.apexshare.events.Topics.UPLOAD_COMPLETED.partitions());
    }

    @ParameterizedTest
    @EnumSource(names = {"DEFAULT", "PRODUCTION"})
    void shouldSelectEachServicesPodsFromServiceAndNetworkPolicy(Variant variant) {
        RenderedChart chart = RenderedChart.of(variant);
        for (Service service : Service.values()) {
            String name = RenderedChart.objectName(service);
            // Given the pods' labels
            Map<String, Object> labels = podLabels(chart.get("Deployment", name));

            // Then the Service reaches them on the named port
            Map<String, Object> svc = chart.get("Service", name);
            assertThat(labels).containsAllEntriesOf(Yamls.map(svc, "spec.selector"));
            assertThat(Yamls.list(svc, "spec.ports").get(0)).containsEntry("name", "http").containsEntry("targetPort", "http");
            // Then the NetworkPolicy guards them: only the gateway's pods (in this namespace) and monitoring get in,
            // never the ingress controller directly
            Map<String, Object> policy = chart.get("NetworkPolicy", name);
            assertThat(labels).containsAllEntriesOf(Yamls.map(policy, "spec.podSelector.matchLabels"));
            assertThat(Yamls.values(policy, "spec.policyTypes")).contains("Ingress");
            List<Map<String, Object>> from = Yamls.list(policy, "spec.ingress").stream()
                    .flatMap(r -> Yamls.list(r, "from").stream()).toList();
            assertThat(from).hasSize(2);
            assertThat(from).filteredOn(f -> !f.containsKey("namespaceSelector")).singleElement()
                    .satisfies(f -> assertThat(podLabels(chart.get("Deployment", GATEWAY)))
                            .containsAllEntriesOf(Yamls.map(f, "podSelector.matchLabels")))
                    .satisfies(f -> assertThat(Yamls.map(f, "podSelector.matchLabels")).isNotEmpty());
            assertThat(from).filteredOn(f -> f.containsKey("namespaceSelector")).extracting(f -> Yamls.map(f,
                    "namespaceSelector.matchLabels").get("kubernetes.io/metadata.name")).containsExactly("monitoring");
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"DEFAULT", "PRODUCTION"})
    void shouldAdmitOnlyTheIngressControllerToTheGatewayAndPrometheusToItsManagementPort(Variant variant) {
        // Given the gateway's pods and policy
        RenderedChart chart = RenderedChart.of(variant);
        Map<String, Object> policy = chart.get("NetworkPolicy", GATEWAY);
        assertThat(podLabels(chart.get("Deployment", GATEWAY))).containsAllEntriesOf(
                Yamls.map(policy, "spec.podSelector.matchLabels"));

        // Then the ingress controller reaches the public port only, Prometheus the management port only
        Map<String, String> portByNamespace = new java.util.HashMap<>();
        for (Map<String, Object> rule : Yamls.list(policy, "spec.ingress")) {
            String port = Yamls.list(rule, "ports").stream().map(p -> String.valueOf(p.get("port")))
                    .collect(Collectors.joining(","));
            for (Map<String, Object> from : Yamls.list(rule, "from")) {
                portByNamespace.put((String) Yamls.map(from, "namespaceSelector.matchLabels")
                        .get("kubernetes.io/metadata.name"), port);
            }
        }
        assertThat(portByNamespace).containsExactlyInAnyOrderEntriesOf(
                Map.of("ingress-nginx", "http", "monitoring", "management"));
    }

    @Test
    void shouldLimitEgressToDnsAndTheConfiguredBackendsInProduction() {
        // Given the production render
        RenderedChart chart = RenderedChart.of(Variant.PRODUCTION);
        for (Service service : Service.values()) {
            // When the service's policy is read
            Map<String, Object> policy = chart.get("NetworkPolicy", RenderedChart.objectName(service));

            // Then egress is restricted, and DNS stays reachable
            assertThat(Yamls.values(policy, "spec.policyTypes")).contains("Egress");
            List<Map<String, Object>> egress = Yamls.list(policy, "spec.egress");
            assertThat(egress).anySatisfy(rule -> assertThat(Yamls.list(rule, "ports"))
                    .anySatisfy(p -> assertThat(p).containsEntry("port", 53)));
        }
        // Then the gateway reaches DNS, each service's pods on its port, and its database and issuer
        Map<String, Object> policy = chart.get("NetworkPolicy", GATEWAY);
        assertThat(Yamls.values(policy, "spec.policyTypes")).contains("Egress");
        List<Map<String, Object>> egress = Yamls.list(policy, "spec.egress");
        assertThat(egress).anySatisfy(rule -> assertThat(Yamls.list(rule, "ports"))
                .anySatisfy(p -> assertThat(p).containsEntry("port", 53)));
        for (Service service : Service.values()) {
            Map<String, Object> labels = podLabels(chart.get("Deployment", RenderedChart.objectName(service)));
            assertThat(egress).as(service.module()).anySatisfy(rule -> {
                assertThat(Yamls.list(rule, "to")).anySatisfy(to -> assertThat(labels)
                        .containsAllEntriesOf(Yamls.map(to, "podSelector.matchLabels")));
                assertThat(Yamls.list(rule, "ports")).anySatisfy(p -> assertThat(p).containsEntry("port", service.port()));
            });
        }
        assertThat(egress).anySatisfy(rule -> assertThat(Yamls.list(rule, "ports"))
                .anySatisfy(p -> assertThat(p).containsEntry("port", 5432)));
        assertThat(egress).anySatisfy(rule -> assertThat(Yamls.list(rule, "ports"))
                .anySatisfy(p -> assertThat(p).containsEntry("port", 443)));
    }

    @Test
    void shouldExposePrometheusMetricsByAnnotationsOrServiceMonitor() {
        // Given the default render (annotations) and the production render (Prometheus Operator)
        RenderedChart byDefault = RenderedChart.of(Variant.DEFAULT);
        RenderedChart production = RenderedChart.of(Variant.PRODUCTION);
        for (Service service : Service.values()) {
            String name = RenderedChart.objectName(service);

            // Then by default the pods carry the scrape annotations for /actuator/prometheus
            Map<String, Object> annotations = Yamls.map(byDefault.get("Deployment", name), "spec.template.metadata.annotations");
            assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/path", "/actuator/prometheus")
                    .containsEntry("prometheus.io/port", String.valueOf(service.port()));
            // Then in production a ServiceMonitor scrapes the same endpoint through the Service
            Map<String, Object> monitor = production.get("ServiceMonitor", name);
            Map<String, Object> endpoint = Yamls.list(monitor, "spec.endpoints").get(0);
            assertThat(endpoint).containsEntry("path", "/actuator/prometheus").containsEntry("port", "http");
            assertThat(Yamls.map(production.get("Service", name), "metadata.labels"))
                    .containsAllEntriesOf(Yamls.map(monitor, "spec.selector.matchLabels"));
        }
        // Then the gateway is scraped on its management port
        assertThat(Yamls.map(byDefault.get("Deployment", GATEWAY), "spec.template.metadata.annotations"))
                .containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/path", "/actuator/prometheus")
                .containsEntry("prometheus.io/port", String.valueOf(Image.GATEWAY.healthPort()));
        Map<String, Object> monitor = production.get("ServiceMonitor", GATEWAY);
        assertThat(Yamls.list(monitor, "spec.endpoints").get(0)).containsEntry("path", "/actuator/prometheus")
                .containsEntry("port", "management");
        assertThat(Yamls.map(production.get("Service", GATEWAY), "metadata.labels"))
                .containsAllEntriesOf(Yamls.map(monitor, "spec.selector.matchLabels"));
    }

    @ParameterizedTest
    @EnumSource(names = {"DEFAULT", "PRODUCTION"})
    void shouldSendEveryPathToTheGatewayWhichRoutesEachToItsOwner(Variant variant) {
        // Given the rendered Ingress
        RenderedChart chart = RenderedChart.of(variant);
        List<Map<String, Object>> ingresses = chart.ofKind("Ingress");
        assertThat(ingresses).hasSize(1);
        Map<String, Object> ingress = ingresses.get(0);
        List<Map<String, Object>> paths = Yamls.list(ingress, "spec.rules").stream()
                .flatMap(rule -> Yamls.list(rule, "http.paths").stream()).toList();

        // Then it has one rule, every path (a prefix of "/") to the gateway's public port, and no regex routing
        assertThat(paths).singleElement().satisfies(p -> {
            assertThat(p).containsEntry("path", "/").containsEntry("pathType", "Prefix");
            assertThat(Yamls.string(p, "backend.service.name")).isEqualTo(GATEWAY);
            assertThat(Yamls.string(p, "backend.service.port.name")).isEqualTo("http");
        });
        assertThat(Yamls.map(ingress, "metadata.annotations")).doesNotContainKey("nginx.ingress.kubernetes.io/use-regex");
        assertThat(Yamls.list(chart.get("Service", GATEWAY), "spec.ports")).anySatisfy(p -> assertThat(p)
                .containsEntry("name", "http"));

        // When each path of the contract arrives at the gateway / Then the gateway's base URI for its owner is the
        // owner's Service on its port (paths without an owner the gateway answers 404 itself)
        Map<String, EnvSource> gateway = chart.environment(GATEWAY);
        PublicPaths.contract().forEach((path, owner) -> owner.ifPresent(service -> {
            URI uri = URI.create(gateway.get(PublicPaths.gatewayUriVariable(service)).value());
            assertThat(uri.getScheme()).as(path).isEqualTo("http");
            assertThat(uri.getHost()).as(path).isEqualTo(RenderedChart.objectName(service));
            assertThat(uri.getPort()).as(path).isEqualTo(service.port());
            assertThat(Yamls.list(chart.get("Service", uri.getHost()), "spec.ports"))
                    .anySatisfy(p -> assertThat(p).containsEntry("port", service.port()));
        }));
    }

    @Test
    void shouldTerminateTlsAtTheIngressInProduction() {
        // Given the production Ingress
        Map<String, Object> ingress = RenderedChart.of(Variant.PRODUCTION).ofKind("Ingress").get(0);

        // Then its host has a TLS certificate
        String host = Yamls.string(Yamls.list(ingress, "spec.rules").get(0), "host");
        assertThat(Yamls.list(ingress, "spec.tls")).anySatisfy(tls ->
                assertThat(Yamls.values(tls, "hosts")).contains(host));
    }

    @ParameterizedTest
    @EnumSource(names = {"DEFAULT_TOPICS_JOB", "PRODUCTION_TOPICS_JOB"})
    void shouldCreateTheTopicCatalogWithItsPartitionsAndTheDeadLetterTopics(Variant variant) {
        // Given the topics Job and the consumer groups the services are configured with
        RenderedChart chart = RenderedChart.of(variant);
        TopicsJob job = TopicsJob.of(chart);
        Set<String> groups = Arrays.stream(Service.values())
                .map(s -> chart.environment(s).entrySet().stream()
                        .filter(e -> e.getKey().endsWith("_CONSUMER_GROUP")).findFirst().orElseThrow().getValue().value())
                .collect(Collectors.toSet());

        // Then every topic of the catalog and the raw notifications topic are created with their partitions
        for (var topic : com.apexshare.events.Topics.all()) {
            assertThat(job.partitions(topic.name())).as(topic.name()).contains(topic.partitions());
        }
        // Then every other topic is the dead-letter topic of one of the services' consumer groups
        Set<String> catalog = com.apexshare.events.Topics.all().stream().map(t -> t.name()).collect(Collectors.toSet());
        Set<String> deadLetters = job.topics().stream().filter(t -> !catalog.contains(t)).collect(Collectors.toSet());
        assertThat(deadLetters).isNotEmpty().allSatisfy(dlt -> assertThat(catalog.stream()
                .flatMap(t -> groups.stream().map(g -> com.apexshare.events.Topics.deadLetter(t, g)))
                .anyMatch(dlt::equals)).as(dlt).isTrue());
        // Then the Job runs like the services: non-root, read-only root filesystem, no capabilities
        assertThat(Yamls.get(job.pod(), "securityContext.runAsNonRoot")).isEqualTo(true);
        assertThat(Yamls.get(job.container(), "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(Yamls.values(job.container(), "securityContext.capabilities.drop")).containsExactly("ALL");
    }

    @Test
    void shouldReachManagedKafkaOverSaslWithAUserOfItsOwnPerServiceInProduction() {
        // Given the production render
        RenderedChart chart = RenderedChart.of(Variant.PRODUCTION_TOPICS_JOB);

        // Then each service speaks SASL_SSL/SCRAM as its own user, its password from a Secret of its own
        Set<String> users = new java.util.HashSet<>();
        Set<String> secrets = new java.util.HashSet<>();
        for (Service service : Service.values()) {
            Map<String, EnvSource> env = chart.environment(service);
            assertThat(env.get("KAFKA_SECURITY_PROTOCOL").value()).isEqualTo("SASL_SSL");
            assertThat(env.get("KAFKA_SASL_MECHANISM").value()).isEqualTo("SCRAM-SHA-512");
            assertThat(env.get("KAFKA_USERNAME").value()).isEqualTo("apexshare-" + service.module());
            assertThat(env.get("KAFKA_PASSWORD").kind()).isEqualTo(EnvSource.Kind.SECRET);
            users.add(env.get("KAFKA_USERNAME").value());
            secrets.add(env.get("KAFKA_PASSWORD").secretName());
        }
        assertThat(users).hasSize(Service.values().length);
        assertThat(secrets).hasSize(Service.values().length);
        // Then so does the topics Job, as a user of its own, with the production replication
        TopicsJob job = TopicsJob.of(chart);
        assertThat(Yamls.string(job.env("KAFKA_USERNAME"), "value")).isEqualTo("apexshare-topics");
        assertThat(Yamls.string(job.env("KAFKA_PASSWORD"), "valueFrom.secretKeyRef.name"))
                .isEqualTo("apexshare-kafka-topics").isNotIn(secrets);
        assertThat(Yamls.string(job.env("REPLICATION_FACTOR"), "value")).isEqualTo("3");
    }

    @Test
    void shouldRunTheTopicsJobAsAPreInstallAndPreUpgradeHook() {
        // Given the default values (topics.hook=true)
        RenderedChart chart = RenderedChart.of(Variant.DEFAULT);

        // Then the Job is a hook: not part of the release manifest, annotated to run before install and upgrade
        assertThat(chart.ofKind("Job")).isEmpty();
        String template = Repository.read(Repository.CHART.resolve("templates/kafka-topics-job.yaml"));
        assertThat(template).contains("helm.sh/hook: pre-install,pre-upgrade");
    }

    @ParameterizedTest
    @EnumSource(names = {"DEFAULT", "PRODUCTION"})
    void shouldRunTheImagesOfTheServices(Variant variant) {
        RenderedChart chart = RenderedChart.of(variant);
        for (Service service : Service.values()) {
            // Then each container runs its own service's image, tagged with the chart's appVersion by default
            assertThat(Yamls.string(chart.container(service), "image")).endsWith("/" + service.module() + ":0.1.0");
        }
        assertThat(Yamls.string(chart.container(GATEWAY), "image")).endsWith("/gateway:0.1.0");
    }

    @Test
    void shouldReadCognitoTokensInProduction() {
        // Given the production render (Amazon Cognito)
        RenderedChart chart = RenderedChart.of(Variant.PRODUCTION);
        Map<String, EnvSource> gateway = chart.environment(GATEWAY);
        String issuer = gateway.get("OIDC_ISSUER_URI").value();

        // Then the issuer is the user pool's, its keys the pool's JWKS
        assertThat(issuer).matches("https://cognito-idp\\.[a-z0-9-]+\\.amazonaws\\.com/[a-z0-9-]+_[A-Za-z0-9]+");
        for (Service service : List.of(Service.UPLOAD, Service.CATALOG, Service.NOTIFICATION)) {
            Map<String, EnvSource> env = chart.environment(service);
            assertThat(env.get("OIDC_ISSUER_URI").value()).isEqualTo(issuer);
            assertThat(env.get("OIDC_JWK_SET_URI").value()).isEqualTo(issuer + "/.well-known/jwks.json");
            // Then the services find the audience in client_id (access tokens have no aud) and the trainers in the
            // pool's group, and accept the gateway's app client
            assertThat(env.get("OIDC_AUDIENCE_CLAIMS").value()).isEqualTo("aud,client_id");
            assertThat(env.get("OIDC_TRAINER_CLAIM").value()).isEqualTo("cognito:groups");
            assertThat(env.get("OIDC_TRAINER_VALUE").value()).isEqualTo("trainers");
            assertThat(env.get("OIDC_AUDIENCE").value().split(",")).contains(gateway.get("GATEWAY_CLIENT_ID").value());
        }
        // Then the gateway's /api/v1/me reads the roles from the same group claim
        assertThat(gateway.get("GATEWAY_ROLES_CLAIM").value()).isEqualTo("cognito:groups");
    }

    @Test
    void shouldReadKeycloakTokensWithTheCommentedAlternative() {
        // Given values-production.yaml with its commented Keycloak block in force
        RenderedChart chart = RenderedChart.of(Variant.PRODUCTION_KEYCLOAK);
        Map<String, EnvSource> gateway = chart.environment(GATEWAY);
        String issuer = gateway.get("OIDC_ISSUER_URI").value();

        // Then the issuer is a realm's, the audience the API's (an audience mapper), the roles the realm's
        assertThat(issuer).matches("https://[^/]+/realms/[^/]+");
        for (Service service : List.of(Service.UPLOAD, Service.CATALOG, Service.NOTIFICATION)) {
            Map<String, EnvSource> env = chart.environment(service);
            assertThat(env.get("OIDC_ISSUER_URI").value()).isEqualTo(issuer);
            assertThat(env.get("OIDC_JWK_SET_URI").value()).isEqualTo(issuer + "/protocol/openid-connect/certs");
            assertThat(env.get("OIDC_AUDIENCE").value()).isEqualTo("apexshare-api");
            assertThat(env.get("OIDC_AUDIENCE_CLAIMS").value()).isEqualTo("aud");
            assertThat(env.get("OIDC_TRAINER_CLAIM").value()).isEqualTo("realm_access.roles");
            assertThat(env.get("OIDC_TRAINER_VALUE").value()).isEqualTo("trainer");
        }
        assertThat(gateway.get("GATEWAY_CLIENT_ID").value()).isEqualTo("apexshare-gateway");
        assertThat(gateway.get("GATEWAY_ROLES_CLAIM").value()).isEqualTo("realm_access.roles");
        assertThat(gateway.get("GATEWAY_CLIENT_SECRET").kind()).isEqualTo(EnvSource.Kind.SECRET);
    }

    private static Map<String, Object> podLabels(Map<String, Object> deployment) {
        return Yamls.map(deployment, "spec.template.metadata.labels");
    }

    /** The rendered topics Job. */
    record TopicsJob(Map<String, Object> pod, Map<String, Object> container) {

        static TopicsJob of(RenderedChart chart) {
            return of(chart, "kafka-topics");
        }

        /** The Job of a component ({@code kafka-topics}, {@code kafka-acls}). */
        static TopicsJob of(RenderedChart chart, String component) {
            List<Map<String, Object>> jobs = chart.ofKind("Job").stream()
                    .filter(j -> component.equals(Yamls.map(j, "metadata.labels").get("app.kubernetes.io/component")))
                    .toList();
            assertThat(jobs).as(component + " Job").hasSize(1);
            Map<String, Object> pod = Yamls.map(jobs.get(0), "spec.template.spec");
            return new TopicsJob(pod, Yamls.list(pod, "containers").get(0));
        }

        Map<String, Object> env(String name) {
            return Yamls.list(container, "env").stream().filter(e -> name.equals(e.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("Job has no " + name));
        }

        /** Topic name -> partitions, from the TOPICS variable ("name partitions retention.ms" lines). */
        Map<String, Integer> lines() {
            return Arrays.stream(Yamls.string(env("TOPICS"), "value").split("\n"))
                    .map(String::trim).filter(l -> !l.isEmpty())
                    .map(l -> l.split("\\s+"))
                    .collect(Collectors.toMap(f -> f[0], f -> Integer.parseInt(f[1])));
        }

        Set<String> topics() {
            return lines().keySet();
        }

        Optional<Integer> partitions(String topic) {
            return Optional.ofNullable(lines().get(topic));
        }
    }
}
