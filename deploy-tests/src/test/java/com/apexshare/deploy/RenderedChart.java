package com.apexshare.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

/**
 * The chart rendered by Helm (helm-java: Helm as a library, no binary, no cluster) and parsed into plain maps.
 * Renders are cached per variant: each costs about a second.
 */
final class RenderedChart {

    static final String RELEASE = "apexshare";
    static final String NAMESPACE = "apexshare";
    /** A current cluster version: Helm's offline default (v1.20) is older than the chart's kubeVersion. */
    static final String KUBE_VERSION = "v1.31.0";

    /** The values a render uses. */
    enum Variant {
        DEFAULT(null, Map.of()),
        PRODUCTION(Repository.PRODUCTION_VALUES, Map.of()),
        // helm-java's template leaves hooks out (like `helm install`, unlike `helm template`): the topics Job is
        // inspected as the plain Job the chart renders for GitOps pipelines.
        DEFAULT_TOPICS_JOB(null, Map.of("topics.hook", false)),
        PRODUCTION_TOPICS_JOB(Repository.PRODUCTION_VALUES, Map.of("topics.hook", false)),
        // values-production.yaml on a self-managed cluster: the ACL Job also sets the SCRAM users' credentials, the S3
        // bridge's and the analytics readers' included.
        PRODUCTION_SCRAM_USERS(Repository.PRODUCTION_VALUES, Map.of("topics.hook", false,
                "kafka.acls.createScramUsers", true, "kafka.acls.s3Bridge.existingSecret", "apexshare-kafka-s3-bridge",
                "kafka.acls.analytics.existingSecret", "apexshare-kafka-analytics")),
        // values-production.yaml with its commented Keycloak block in force instead of Cognito.
        PRODUCTION_KEYCLOAK(Repository.PRODUCTION_VALUES, Map.of()),
        // values-production.yaml with downloads through CloudFront switched on (its example values).
        PRODUCTION_CLOUDFRONT(Repository.PRODUCTION_VALUES, Map.of("services.download.cloudfront.enabled", true));

        private final Path valuesFile;
        private final Map<String, Object> sets;

        Variant(Path valuesFile, Map<String, Object> sets) {
            this.valuesFile = valuesFile;
            this.sets = sets;
        }
    }

    private static final Map<Variant, RenderedChart> CACHE = new ConcurrentHashMap<>();

    private final List<Map<String, Object>> objects;

    private RenderedChart(List<Map<String, Object>> objects) {
        this.objects = Collections.unmodifiableList(objects);
    }

    static synchronized RenderedChart of(Variant variant) {
        return CACHE.computeIfAbsent(variant, v -> parse(v == Variant.PRODUCTION_KEYCLOAK
                ? render(List.of(v.valuesFile, keycloakOverlay()), v.sets)
                : render(v.valuesFile == null ? List.of() : List.of(v.valuesFile), v.sets)));
    }

    static String render(Path valuesFile, Map<String, Object> sets) {
        return render(valuesFile == null ? List.of() : List.of(valuesFile), sets);
    }

    static String render(List<Path> valuesFiles, Map<String, Object> sets) {
        TemplateCommand template = new Helm(Repository.CHART).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        for (Path valuesFile : valuesFiles) {
            template = template.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return template.call();
    }

    /**
     * The commented Keycloak block of values-production.yaml (between {@code # >>> keycloak} and
     * {@code # <<< keycloak}), uncommented into a values file of its own.
     */
    static String keycloakBlock() {
        String values = Repository.read(Repository.PRODUCTION_VALUES);
        int start = values.indexOf("# >>> keycloak\n");
        int end = values.indexOf("# <<< keycloak");
        if (start < 0 || end < start) {
            throw new AssertionError("values-production.yaml has no '# >>> keycloak' ... '# <<< keycloak' block");
        }
        return values.substring(start + "# >>> keycloak\n".length(), end).lines()
                .map(line -> line.startsWith("# ") ? line.substring(2) : line.equals("#") ? "" : line)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    }

    private static Path keycloakOverlay() {
        try {
            Path file = java.nio.file.Files.createTempFile("values-keycloak", ".yaml");
            file.toFile().deleteOnExit();
            return java.nio.file.Files.writeString(file, keycloakBlock());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static RenderedChart parse(String manifests) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : yaml.loadAll(manifests)) {
            if (document != null) {
                objects.add((Map<String, Object>) document);
            }
        }
        return new RenderedChart(objects);
    }

    List<Map<String, Object>> all() {
        return objects;
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(Yamls.string(o, "metadata.name"))).findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("No " + kind + " named " + name + " rendered"));
    }

    static String objectName(Service service) {
        return RELEASE + "-" + service.module();
    }

    /** The name of the gateway's objects. */
    static String gatewayName() {
        return RELEASE + "-" + Image.GATEWAY.module();
    }

    /** The container of a service's Deployment. */
    Map<String, Object> container(Service service) {
        return container(objectName(service));
    }

    /** The one container of the named Deployment. */
    Map<String, Object> container(String deployment) {
        List<Map<String, Object>> containers = Yamls.list(get("Deployment", deployment),
                "spec.template.spec.containers");
        if (containers.size() != 1) {
            throw new AssertionError(deployment + " should run exactly one container, has " + containers.size());
        }
        return containers.get(0);
    }

    /**
     * Every environment variable the service's container gets, by name, with where it comes from: a literal value,
     * a secretKeyRef, or a key of the ConfigMap referenced through envFrom.
     */
    Map<String, EnvSource> environment(Service service) {
        return environment(objectName(service));
    }

    /** Every environment variable of the named Deployment's container (see {@link #environment(Service)}). */
    Map<String, EnvSource> environment(String deployment) {
        Map<String, EnvSource> env = new LinkedHashMap<>();
        Map<String, Object> container = container(deployment);
        for (Map<String, Object> from : Yamls.list(container, "envFrom")) {
            String configMap = Yamls.string(from, "configMapRef.name");
            if (configMap == null) {
                throw new AssertionError(deployment + ": envFrom only from ConfigMaps, found " + from);
            }
            Map<String, Object> data = Yamls.map(get("ConfigMap", configMap), "data");
            data.forEach((k, v) -> env.put(k, EnvSource.configMap(configMap, String.valueOf(v))));
        }
        for (Map<String, Object> e : Yamls.list(container, "env")) {
            String name = (String) e.get("name");
            if (e.containsKey("value")) {
                env.put(name, EnvSource.literal(String.valueOf(e.get("value"))));
            } else if (Yamls.string(e, "valueFrom.secretKeyRef.name") != null) {
                env.put(name, EnvSource.secret(Yamls.string(e, "valueFrom.secretKeyRef.name"),
                        Yamls.string(e, "valueFrom.secretKeyRef.key")));
            } else {
                env.put(name, EnvSource.other(String.valueOf(e.get("valueFrom"))));
            }
        }
        return env;
    }

    /** Where a container's environment variable comes from. */
    record EnvSource(Kind kind, String value, String secretName, String secretKey) {

        enum Kind { LITERAL, CONFIG_MAP, SECRET, OTHER }

        static EnvSource literal(String value) {
            return new EnvSource(Kind.LITERAL, value, null, null);
        }

        static EnvSource configMap(String configMap, String value) {
            return new EnvSource(Kind.CONFIG_MAP, value, null, null);
        }

        static EnvSource secret(String name, String key) {
            return new EnvSource(Kind.SECRET, null, name, key);
        }

        static EnvSource other(String description) {
            return new EnvSource(Kind.OTHER, description, null, null);
        }
    }
}
