package com.apexshare.deploy.aws.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.apexshare.deploy.aws.Cfn;
import com.apexshare.deploy.aws.Outputs;
import com.apexshare.deploy.aws.Synth;
import com.apexshare.deploy.aws.config.Service;
import com.apexshare.deploy.aws.config.StageConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import software.amazon.awscdk.Stack;

/**
 * The values fragment, made from an outputs file shaped like cdk deploy's (the synthesized stacks' output keys),
 * rendered with the real chart: each service account carries its role and has the name the role trusts, and the
 * services get the bucket, queue and SES settings.
 */
class ValuesFragmentTest {

    private static final Path ROOT = Synth.BASE_DIR.getParent().getParent();
    private static final Path CHART = ROOT.resolve("k8s/apexshare");
    private static final String RELEASE = "apexshare";
    private static final String QUEUE_URL = "https://sqs.eu-west-1.amazonaws.com/" + Synth.ACCOUNT + "/";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Service.class)
    void shouldBindEachServiceAccountToTheRoleThatTrustsIt(Service service) throws IOException {
        // Given prod's fragment rendered after values-production.yaml
        Synth prod = Synth.stage("prod");
        List<Map<String, Object>> manifests = render(prod, CHART.resolve("values-production.yaml"));

        // When reading the service's Deployment and ServiceAccount
        String accountName = (String) Cfn.at(find(manifests, "Deployment", RELEASE + "-" + service.serviceName()),
                "spec.template.spec.serviceAccountName");
        Map<String, Object> account = find(manifests, "ServiceAccount", accountName);

        // Then the account carries the role's ARN, and the role trusts exactly that account in the namespace
        assertThat(Cfn.at(account, "metadata.annotations")).isEqualTo(
                Map.of("eks.amazonaws.com/role-arn", roleArn(prod.config(), service)));
        String issuer = prod.config().cluster().oidcIssuer();
        Map<String, Object> role = Cfn.resources(prod.identity(), "AWS::IAM::Role").values().stream()
                .map(Cfn::properties).filter(p -> prod.config().roleName(service).equals(p.get("RoleName")))
                .findFirst().orElseThrow();
        assertThat(Cfn.at(role, "AssumeRolePolicyDocument.Statement.0.Condition.StringEquals"))
                .isEqualTo(Map.of(issuer + ":sub", "system:serviceaccount:" + prod.config().cluster().namespace()
                        + ":" + accountName, issuer + ":aud", "sts.amazonaws.com"));
    }

    @Test
    void shouldGiveUploadServiceTheBucketQueueAndRetention() throws IOException {
        // Given prod's fragment rendered after values-production.yaml
        Synth prod = Synth.stage("prod");
        List<Map<String, Object>> manifests = render(prod, CHART.resolve("values-production.yaml"));

        // When reading upload-service's configuration
        Map<String, Object> env = configMap(manifests, Service.UPLOAD);

        // Then it reads the bucket, its region, the notification queue (not Kafka) and the stage's retention
        assertThat(env).containsEntry("S3_BUCKET", prod.config().storage().bucketName())
                .containsEntry("S3_REGION", prod.config().region())
                .containsEntry("S3_PATH_STYLE_ACCESS", "false")
                .containsEntry("S3_NOTIFICATIONS_SQS_QUEUE_URL", QUEUE_URL + prod.config().notificationQueueName())
                .containsEntry("S3_NOTIFICATIONS_KAFKA_ENABLED", "false")
                .containsEntry("RETENTION_PERIOD", "P90D")
                .doesNotContainKey("S3_ENDPOINT");
        assertThat(configMap(manifests, Service.CATALOG)).containsEntry("S3_BUCKET", prod.config().storage().bucketName());
        assertThat(configMap(manifests, Service.DOWNLOAD)).containsEntry("S3_BUCKET", prod.config().storage().bucketName());
    }

    @Test
    void shouldSendMailThroughSesWithTheConfigurationSetEvenOverTheDefaultValues() throws IOException {
        // Given staging's fragment rendered after the chart's default values (SMTP to a mail catcher)
        Synth staging = Synth.stage("staging");
        List<Map<String, Object>> manifests = render(staging, null);

        // When reading notification-service's configuration
        Map<String, Object> env = configMap(manifests, Service.NOTIFICATION);

        // Then it sends through SES in the stack's region, with the configuration set, from the allowed address
        StageConfig config = staging.config();
        assertThat(env).containsEntry("MAIL_TRANSPORT", "SES")
                .containsEntry("SES_REGION", config.region())
                .containsEntry("SES_CONFIGURATION_SET", config.email().configurationSetName())
                .containsEntry("MAIL_FROM_ADDRESS", config.email().fromAddress())
                .doesNotContainKeys("SMTP_HOST", "SMTP_PORT");
    }

    @Test
    void shouldSwitchDownloadServiceToSignedCloudFrontUrlsWhereTheStageHasACdn() throws IOException {
        // Given prod's fragment (CDN) and dev's (none), each rendered after values-production.yaml
        List<Map<String, Object>> prod = render(Synth.stage("prod"), CHART.resolve("values-production.yaml"));
        List<Map<String, Object>> dev = render(Synth.stage("dev"), CHART.resolve("values-production.yaml"));

        // When reading download-service's configuration
        Map<String, Object> prodEnv = configMap(prod, Service.DOWNLOAD);

        // Then prod's signs for the distribution with the public key's id, the key a file of the Secret
        assertThat(prodEnv).containsEntry("DOWNLOAD_CLOUDFRONT_ENABLED", "true")
                .containsEntry("DOWNLOAD_CLOUDFRONT_DOMAIN", "fake-" + Outputs.DISTRIBUTION_DOMAIN_NAME)
                .containsEntry("DOWNLOAD_CLOUDFRONT_KEY_PAIR_ID", "fake-" + Outputs.PUBLIC_KEY_ID)
                .containsKey("DOWNLOAD_CLOUDFRONT_PRIVATE_KEY_FILE");
        Object volumes = Cfn.at(find(prod, "Deployment", RELEASE + "-" + Service.DOWNLOAD.serviceName()),
                "spec.template.spec.volumes");
        assertThat(volumes.toString()).contains("secretName=" + ValuesFragment.CLOUDFRONT_KEY_SECRET);
        // And dev's keeps S3 presigned URLs
        assertThat(configMap(dev, Service.DOWNLOAD)).doesNotContainKey("DOWNLOAD_CLOUDFRONT_ENABLED");
    }

    @Test
    void shouldNoteTheCloudFrontIdsAndDkimRecordsAsComments() {
        // Given the fragments of prod (CDN) and dev (no CDN)
        String prod = ValuesFragment.render(Synth.config("prod"), outputs(Synth.stage("prod")));
        String dev = ValuesFragment.render(Synth.config("dev"), outputs(Synth.stage("dev")));

        // Then prod's names the distribution and key group in comments and how to create the key's Secret, dev's has
        // none; both list the DKIM records
        assertThat(prod).contains("#   distribution domain: fake-DistributionDomainName")
                .contains("create secret generic " + ValuesFragment.CLOUDFRONT_KEY_SECRET)
                .contains("#   key group id:        fake-KeyGroupId")
                .contains("#   fake-DkimRecord1");
        assertThat(dev).doesNotContain("CloudFront").contains("#   fake-DkimRecord3");
        // And the uncommented part is plain YAML with the chart's top-level keys only
        Map<String, Object> parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(prod);
        assertThat(parsed).containsOnlyKeys("s3", "retention", "services");
    }

    @Test
    void shouldWriteTheFragmentFromCdkDeploysOutputsFile() throws IOException {
        // Given an outputs file as cdk deploy --outputs-file writes it
        Synth prod = Synth.stage("prod");
        Path outputsFile = dir.resolve("cdk-outputs.json");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(outputsFile.toFile(), outputMap(prod));
        Path valuesFile = dir.resolve("values-prod.yaml");

        // When running the values command on it
        HelmValues.main(new String[] {"prod", outputsFile.toString(), valuesFile.toString()});

        // Then it wrote the stage's fragment
        assertThat(Files.readString(valuesFile)).isEqualTo(ValuesFragment.render(prod.config(), outputs(prod)));
    }

    @Test
    void shouldNameAStackMissingFromTheOutputs() {
        // Given outputs without the identity stack (not deployed yet)
        Synth prod = Synth.stage("prod");
        Map<String, Map<String, String>> partial = new LinkedHashMap<>(outputMap(prod));
        partial.remove(prod.config().stackName("identity"));

        // Then the fragment cannot be made, and the error says which stack is missing
        assertThatThrownBy(() -> ValuesFragment.render(prod.config(), new DeployOutputs(partial)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no stack apexshare-prod-identity");
    }

    private List<Map<String, Object>> render(Synth synth, Path stageValues) throws IOException {
        Path fragment = dir.resolve("values-" + synth.config().stage() + ".yaml");
        Files.writeString(fragment, ValuesFragment.render(synth.config(), outputs(synth)));
        TemplateCommand template = new Helm(CHART).template()
                .withName(RELEASE)
                .withNamespace(synth.config().cluster().namespace())
                // Helm's offline default (v1.20) is older than the chart's kubeVersion.
                .withKubeVersion("v1.31.0");
        if (stageValues != null) {
            template = template.withValuesFile(stageValues);
        }
        String manifests = template.withValuesFile(fragment).call();
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(manifests)) {
            if (document != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) document;
                objects.add(object);
            }
        }
        return objects;
    }

    private static Map<String, Object> find(List<Map<String, Object>> manifests, String kind, String name) {
        return manifests.stream().filter(o -> kind.equals(o.get("kind")) && name.equals(Cfn.at(o, "metadata.name")))
                .findFirst().orElseThrow(() -> new AssertionError("No " + kind + " " + name + " rendered"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> configMap(List<Map<String, Object>> manifests, Service service) {
        return (Map<String, Object>) find(manifests, "ConfigMap", RELEASE + "-" + service.serviceName()).get("data");
    }

    private static String roleArn(StageConfig config, Service service) {
        return "arn:aws:iam::" + Synth.ACCOUNT + ":role/" + config.roleName(service);
    }

    private static DeployOutputs outputs(Synth synth) {
        return new DeployOutputs(outputMap(synth));
    }

    /**
     * Every output key of every synthesized stack, with the value CloudFormation would give: literal values as they
     * are, the few the test checks as AWS would name them, the rest {@code fake-<key>}.
     */
    private static Map<String, Map<String, String>> outputMap(Synth synth) {
        StageConfig config = synth.config();
        Map<String, String> known = new LinkedHashMap<>();
        known.put(Outputs.BUCKET_NAME, config.storage().bucketName());
        known.put(Outputs.NOTIFICATION_QUEUE_URL, QUEUE_URL + config.notificationQueueName());
        for (Service service : Service.values()) {
            known.put(Outputs.roleArn(service), roleArn(config, service));
        }
        Map<String, Map<String, String>> byStack = new LinkedHashMap<>();
        for (Stack stack : synth.stacks().all()) {
            Map<String, String> values = new LinkedHashMap<>();
            Cfn.outputs(synth.template(stack)).forEach((key, output) -> {
                Object value = ((Map<?, ?>) output).get("Value");
                values.put(key, known.getOrDefault(key, value instanceof String s ? s : "fake-" + key));
            });
            byStack.put(stack.getStackName(), values);
        }
        return byStack;
    }
}
