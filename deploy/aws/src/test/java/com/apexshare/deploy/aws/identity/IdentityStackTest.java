package com.apexshare.deploy.aws.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.apexshare.deploy.aws.Cfn;
import com.apexshare.deploy.aws.Cfn.Statement;
import com.apexshare.deploy.aws.Outputs;
import com.apexshare.deploy.aws.Synth;
import com.apexshare.deploy.aws.config.Service;
import com.apexshare.deploy.aws.config.StageConfig;
import com.apexshare.deploy.aws.config.StageConfigs;

import software.amazon.awscdk.assertions.Template;

/** One IRSA role per service: trusted by exactly its service account, allowed exactly what its code calls. */
class IdentityStackTest {

    static List<Arguments> stagesAndServices() {
        return StageConfigs.STAGES.stream()
                .flatMap(stage -> Arrays.stream(Service.values()).map(s -> Arguments.of(stage, s)))
                .toList();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stagesAndServices")
    void shouldTrustExactlyTheServicesAccountThroughTheClustersOidcProvider(String stage, Service service) {
        // Given the stage's role of the service
        StageConfig config = Synth.config(stage);
        Map<String, Object> role = role(Synth.stage(stage).identity(), config, service);

        // When reading its trust policy
        List<Statement> trust = Cfn.statements(Cfn.at(role, "AssumeRolePolicyDocument"));

        // Then exactly one statement lets the cluster's OIDC provider assume it, for exactly that service account
        String issuer = config.cluster().oidcIssuer();
        assertThat(trust).singleElement().satisfies(s -> {
            assertThat(s.effect()).isEqualTo("Allow");
            assertThat(s.actions()).containsExactly("sts:AssumeRoleWithWebIdentity");
            assertThat(s.principals()).isEqualTo(Map.of("Federated",
                    Set.of("arn:aws:iam::" + Synth.ACCOUNT + ":oidc-provider/" + issuer)));
            assertThat(s.conditions()).isEqualTo(Map.of("StringEquals", Map.of(
                    issuer + ":sub", Set.of("system:serviceaccount:" + config.cluster().namespace() + ":"
                            + config.cluster().serviceAccount(service)),
                    issuer + ":aud", Set.of("sts.amazonaws.com"))));
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stagesAndServices")
    void shouldGrantExactlyTheCallsTheServiceMakes(String stage, Service service) {
        // Given the stage's role of the service
        StageConfig config = Synth.config(stage);
        Map<String, Object> role = role(Synth.stage(stage).identity(), config, service);

        // When collecting every action it is allowed, with the resources it is allowed on
        Map<String, Set<String>> granted = grants(role);

        // Then they are exactly the ones its code needs
        assertThat(granted).isEqualTo(expectedGrants(config, service));
        // And no action is a wildcard, and the only wildcard resource is the videos/ prefix of the one bucket
        assertThat(granted.keySet()).noneMatch(a -> a.contains("*"));
        assertThat(granted.values().stream().flatMap(Set::stream))
                .allMatch(r -> !r.contains("*") || r.equals(videos(config)));
        // And nothing but the inline policy grants anything
        assertThat(role).doesNotContainKeys("ManagedPolicyArns", "PermissionsBoundary");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stagesAndServices")
    void shouldOutputTheRoleArnForTheServiceAccountAnnotation(String stage, Service service) {
        // Given the stage's identity stack
        Template identity = Synth.stage(stage).identity();
        String roleId = Cfn.resources(identity, "AWS::IAM::Role").entrySet().stream()
                .filter(r -> Synth.config(stage).roleName(service).equals(Cfn.properties(r.getValue()).get("RoleName")))
                .findFirst().orElseThrow().getKey();

        // Then the stack outputs the role's ARN under the service's key
        identity.hasOutput(Outputs.roleArn(service), Map.of("Value", Map.of("Fn::GetAtt", List.of(roleId, "Arn"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void shouldHoldFourRolesAndNoOtherPolicy(String stage) {
        // Given the stage's identity stack
        Template identity = Synth.stage(stage).identity();

        // Then it has the four roles and no separate policies, users or groups
        assertThat(Cfn.resources(identity, "AWS::IAM::Role")).hasSize(Service.values().length);
        assertThat(Cfn.resources(identity, "AWS::IAM::Policy")).isEmpty();
        assertThat(Cfn.resources(identity, "AWS::IAM::ManagedPolicy")).isEmpty();
        assertThat(Cfn.resources(identity, "AWS::IAM::User")).isEmpty();
    }

    /** What each service's code calls (README "Permissions"), as IAM action to resources. */
    static Map<String, Set<String>> expectedGrants(StageConfig config, Service service) {
        String bucket = "arn:aws:s3:::" + config.storage().bucketName();
        String queue = "arn:aws:sqs:" + config.region() + ":" + Synth.ACCOUNT + ":" + config.notificationQueueName();
        String ses = "arn:aws:ses:" + config.region() + ":" + Synth.ACCOUNT + ":";
        return switch (service) {
            case UPLOAD -> Map.of(
                    "s3:PutObject", Set.of(videos(config)),
                    "s3:ListMultipartUploadParts", Set.of(videos(config)),
                    "s3:AbortMultipartUpload", Set.of(videos(config)),
                    "s3:GetObject", Set.of(videos(config)),
                    "s3:DeleteObject", Set.of(videos(config)),
                    "s3:ListBucket", Set.of(bucket),
                    "sqs:ReceiveMessage", Set.of(queue),
                    "sqs:DeleteMessage", Set.of(queue));
            case CATALOG -> Map.of("s3:DeleteObject", Set.of(videos(config)));
            case DOWNLOAD -> Map.of("s3:GetObject", Set.of(videos(config)));
            case NOTIFICATION -> Map.of("ses:SendEmail", Set.of(
                    ses + "identity/" + config.email().domain(),
                    ses + "configuration-set/" + config.email().configurationSetName()));
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void shouldLetNotificationServiceSendOnlyFromTheConfiguredAddress(String stage) {
        // Given the notification role's statement
        StageConfig config = Synth.config(stage);
        List<Statement> statements = statements(role(Synth.stage(stage).identity(), config, Service.NOTIFICATION));

        // Then sending is limited to the configured From address
        assertThat(statements).singleElement().satisfies(s -> assertThat(s.conditions()).isEqualTo(Map.of(
                "StringEquals", Map.of("ses:FromAddress", Set.of(config.email().fromAddress())))));
    }

    private static String videos(StageConfig config) {
        return "arn:aws:s3:::" + config.storage().bucketName() + "/videos/*";
    }

    private static Map<String, Object> role(Template identity, StageConfig config, Service service) {
        return Cfn.resources(identity, "AWS::IAM::Role").values().stream().map(Cfn::properties)
                .filter(p -> config.roleName(service).equals(p.get("RoleName")))
                .findFirst().orElseThrow(() -> new AssertionError("No role " + config.roleName(service)));
    }

    @SuppressWarnings("unchecked")
    private static List<Statement> statements(Map<String, Object> role) {
        List<Object> policies = (List<Object>) role.get("Policies");
        assertThat(policies).hasSize(1);
        return Cfn.statements(Cfn.at(policies.get(0), "PolicyDocument"));
    }

    private static Map<String, Set<String>> grants(Map<String, Object> role) {
        Map<String, Set<String>> grants = new TreeMap<>();
        for (Statement s : statements(role)) {
            assertThat(s.effect()).isEqualTo("Allow");
            assertThat(s.principals()).isEmpty();
            for (String action : s.actions()) {
                grants.computeIfAbsent(action, a -> new TreeSet<>()).addAll(s.resources());
            }
        }
        return grants;
    }
}
