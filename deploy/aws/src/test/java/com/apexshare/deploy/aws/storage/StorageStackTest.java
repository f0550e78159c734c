package com.apexshare.deploy.aws.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.apexshare.deploy.aws.Cfn;
import com.apexshare.deploy.aws.Cfn.Statement;
import com.apexshare.deploy.aws.Synth;
import com.apexshare.deploy.aws.config.StageConfig;

import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The video bucket, its key and its notification queue, for every stage. */
class StorageStackTest {

    private static final Set<String> KEY_USE = Set.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom",
            "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:CreateGrant");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void shouldBlockAllPublicAccessAndDisableAcls(String stage) {
        // Given the stage's storage stack
        Template storage = Synth.stage(stage).storage();

        // Then the bucket blocks every kind of public access and owns every object
        storage.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "BucketName", Synth.config(stage).storage().bucketName(),
                "PublicAccessBlockConfiguration", Map.of(
                        "BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "OwnershipControls", Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced")))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void shouldEncryptWithTheStacksOwnKmsKey(String stage) {
        // Given the stage's storage stack
        Template storage = Synth.stage(stage).storage();

        // When looking at its one key and its bucket's default encryption
        String keyId = Cfn.only(storage, "AWS::KMS::Key").getKey();
        Map<String, Object> bucket = Cfn.properties(Cfn.only(storage, "AWS::S3::Bucket").getValue());

        // Then every object is encrypted with SSE-KMS under this stack's key, with a bucket key
        assertThat(Cfn.at(bucket, "BucketEncryption.ServerSideEncryptionConfiguration")).isEqualTo(List.of(Map.of(
                "BucketKeyEnabled", true,
                "ServerSideEncryptionByDefault", Map.of(
                        "SSEAlgorithm", "aws:kms",
                        "KMSMasterKeyID", Map.of("Fn::GetAtt", List.of(keyId, "Arn"))))));
        storage.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void shouldDenyEveryRequestWithoutTls(String stage) {
        // Given the stage's bucket policy
        Template storage = Synth.stage(stage).storage();
        String bucketId = Cfn.only(storage, "AWS::S3::Bucket").getKey();
        List<Statement> statements = Cfn.statements(Cfn.at(
                Cfn.properties(Cfn.only(storage, "AWS::S3::BucketPolicy").getValue()), "PolicyDocument"));

        // Then a request without TLS, or with TLS older than 1.2, is denied on the bucket and on every object
        Set<String> bucketAndObjects = Set.of("${" + bucketId + ".Arn}", "${" + bucketId + ".Arn}/*");
        assertThat(statements).anySatisfy(s -> {
            assertThat(s.effect()).isEqualTo("Deny");
            assertThat(s.actions()).containsExactly("s3:*");
            assertThat(s.principals()).isEqualTo(Map.of("AWS", Set.of("*")));
            assertThat(s.resources()).isEqualTo(bucketAndObjects);
            assertThat(s.conditions()).isEqualTo(Map.of("Bool", Map.of("aws:SecureTransport", Set.of("false"))));
        });
        assertThat(statements).anySatisfy(s -> {
            assertThat(s.effect()).isEqualTo("Deny");
            assertThat(s.resources()).isEqualTo(bucketAndObjects);
            assertThat(s.conditions()).isEqualTo(Map.of("NumericLessThan", Map.of("s3:TlsVersion", Set.of("1.2"))));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void shouldAllowOnlyCloudFrontAsAnOutsidePrincipalAndOnlyWithACdn(String stage) {
        // Given the stage's bucket policy
        Synth synth = Synth.stage(stage);
        List<Statement> allows = Cfn.statements(Cfn.at(
                        Cfn.properties(Cfn.only(synth.storage(), "AWS::S3::BucketPolicy").getValue()), "PolicyDocument"))
                .stream().filter(s -> "Allow".equals(s.effect())).toList();

        // Then it allows nothing but CloudFront reading videos, and that only where the stage has a CDN
        if (synth.config().cdn().enabled()) {
            assertThat(allows).singleElement().satisfies(s -> {
                assertThat(s.principals()).isEqualTo(Map.of("Service", Set.of("cloudfront.amazonaws.com")));
                assertThat(s.actions()).containsExactly("s3:GetObject");
                assertThat(s.resources()).containsExactly(
                        "arn:aws:s3:::" + synth.config().storage().bucketName() + "/videos/*");
                assertThat(s.conditions()).isEqualTo(Map.of("ArnLike", Map.of("AWS:SourceArn",
                        Set.of("arn:aws:cloudfront::" + Synth.ACCOUNT + ":distribution/*"))));
            });
        } else {
            assertThat(allows).isEmpty();
        }
    }

    @Test
    void shouldPinCloudFrontsGrantsToTheDistributionOnceItIsKnown() {
        // Given prod with the id of its existing distribution in the configuration
        Synth pinned = Synth.variant("prod", c -> new StageConfig(c.stage(), c.account(), c.region(), c.namePrefix(),
                c.retentionDays(), c.tags(), c.storage(), c.email(), c.cluster(),
                new StageConfig.Cdn(true, c.cdn().publicKeyFile(), c.cdn().priceClass(), "E2EXAMPLE1234",
                        c.cdn().waf()), c.audit()));

        // When reading the CloudFront statements of the bucket policy and of the key policy
        Template storage = pinned.storage();
        Statement bucketGrant = Cfn.statement(Cfn.statements(Cfn.at(Cfn.properties(
                Cfn.only(storage, "AWS::S3::BucketPolicy").getValue()), "PolicyDocument")),
                "CloudFrontReadsVideosThroughOriginAccessControl");
        Statement keyGrant = Cfn.statement(Cfn.statements(Cfn.at(Cfn.properties(
                Cfn.only(storage, "AWS::KMS::Key").getValue()), "KeyPolicy")),
                "CloudFrontDecryptsVideosThroughOriginAccessControl");

        // Then both name exactly that distribution
        Map<String, Map<String, Set<String>>> exact = Map.of("StringEquals", Map.of("AWS:SourceArn",
                Set.of("arn:aws:cloudfront::" + Synth.ACCOUNT + ":distribution/E2EXAMPLE1234")));
        assertThat(bucketGrant.conditions()).isEqualTo(exact);
        assertThat(keyGrant.conditions()).isEqualTo(exact);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void shouldAbortIncompleteUploadsAndExpireVideosAfterTheStagesRetention(String stage) {
        // Given the stage's configuration and bucket
        StageConfig config = Synth.config(stage);
        Map<String, Object> bucket = Cfn.properties(Cfn.only(Synth.stage(stage).storage(), "AWS::S3::Bucket").getValue());

        // When reading its lifecycle rules
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = (List<Map<String, Object>>) Cfn.at(bucket, "LifecycleConfiguration.Rules");

        // Then incomplete multipart uploads of the whole bucket are aborted after a day
        assertThat(rules).contains(Map.of(
                "Id", "abort-incomplete-multipart-uploads",
                "Status", "Enabled",
                "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 1)));
        // And videos/ expires after the retention plus the margin, moving to Infrequent Access only if configured
        Map<String, Object> expiry = rules.stream().filter(r -> "expire-videos-after-retention".equals(r.get("Id")))
                .findFirst().orElseThrow();
        assertThat(expiry).containsEntry("Prefix", "videos/")
                .containsEntry("Status", "Enabled")
                .containsEntry("ExpirationInDays", config.retentionDays() + config.storage().expiryMarginDays());
        assertThat(config.retentionDays()).isEqualTo(Map.of("dev", 7, "staging", 14, "prod", 90).get(stage));
        if (config.storage().infrequentAccessAfterDays() == null) {
            assertThat(expiry).doesNotContainKey("Transitions");
        } else {
            assertThat(expiry.get("Transitions")).isEqualTo(List.of(Map.of("StorageClass", "STANDARD_IA",
                    "TransitionInDays", config.storage().infrequentAccessAfterDays())));
        }
        assertThat(rules).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void shouldKeepVersioningOffAndAllowTheWebAppsOriginWithETagExposed(String stage) {
        // Given the stage's bucket
        Map<String, Object> bucket = Cfn.properties(Cfn.only(Synth.stage(stage).storage(), "AWS::S3::Bucket").getValue());

        // Then versioning is off (deleted videos are gone) and CORS admits exactly the configured origins
        assertThat(bucket).doesNotContainKey("VersioningConfiguration");
        assertThat(Cfn.at(bucket, "CorsConfiguration.CorsRules")).isEqualTo(List.of(Map.of(
                "AllowedOrigins", Synth.config(stage).storage().corsAllowedOrigins(),
                "AllowedMethods", List.of("PUT", "GET", "HEAD"),
                "AllowedHeaders", List.of("*"),
                "ExposedHeaders", List.of("ETag"),
                "MaxAge", 3000)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void shouldNotifyObjectCreatedUnderVideosToTheQueueWithADeadLetterQueue(String stage) {
        // Given the stage's storage stack
        StageConfig config = Synth.config(stage);
        Template storage = Synth.stage(stage).storage();
        String queueId = Cfn.resources(storage, "AWS::SQS::Queue").entrySet().stream()
                .filter(q -> config.notificationQueueName().equals(Cfn.properties(q.getValue()).get("QueueName")))
                .findFirst().orElseThrow().getKey();
        String deadLetterId = Cfn.resources(storage, "AWS::SQS::Queue").entrySet().stream()
                .filter(q -> config.deadLetterQueueName().equals(Cfn.properties(q.getValue()).get("QueueName")))
                .findFirst().orElseThrow().getKey();
        Map.Entry<String, Map<String, Object>> bucket = Cfn.only(storage, "AWS::S3::Bucket");

        // Then every ObjectCreated under videos/ goes to the queue, set directly on the bucket
        assertThat(Cfn.at(Cfn.properties(bucket.getValue()), "NotificationConfiguration")).isEqualTo(Map.of(
                "QueueConfigurations", List.of(Map.of(
                        "Event", "s3:ObjectCreated:*",
                        "Filter", Map.of("S3Key", Map.of("Rules", List.of(Map.of("Name", "prefix", "Value", "videos/")))),
                        "Queue", Map.of("Fn::GetAtt", List.of(queueId, "Arn"))))));
        // And no Lambda function or role does it (CDK's notification custom resource is not used)
        assertThat(Cfn.resources(storage, "AWS::Lambda::Function")).isEmpty();
        assertThat(Cfn.resources(storage, "AWS::IAM::Role")).isEmpty();
        // And the queue redrives to its dead-letter queue, both encrypted
        storage.hasResourceProperties("AWS::SQS::Queue", Map.of(
                "QueueName", config.notificationQueueName(),
                "SqsManagedSseEnabled", true,
                "ReceiveMessageWaitTimeSeconds", 20,
                "VisibilityTimeout", config.storage().notificationQueue().visibilityTimeoutSeconds(),
                "RedrivePolicy", Map.of(
                        "deadLetterTargetArn", Map.of("Fn::GetAtt", List.of(deadLetterId, "Arn")),
                        "maxReceiveCount", config.storage().notificationQueue().maxReceiveCount())));
        storage.hasResourceProperties("AWS::SQS::Queue", Map.of(
                "QueueName", config.deadLetterQueueName(), "SqsManagedSseEnabled", true));
        // And the bucket's notification is created only after the queue policy lets S3 send
        String policyId = Cfn.resources(storage, "AWS::SQS::QueuePolicy").entrySet().stream()
                .filter(p -> Cfn.at(Cfn.properties(p.getValue()), "Queues").equals(List.of(Map.of("Ref", queueId))))
                .findFirst().orElseThrow().getKey();
        assertThat(bucket.getValue().get("DependsOn")).isEqualTo(List.of(policyId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void shouldLetOnlyS3SendToTheQueueForThisBucketAndOnlyOverTls(String stage) {
        // Given the notification queue's policy
        StageConfig config = Synth.config(stage);
        Template storage = Synth.stage(stage).storage();
        List<Statement> statements = Cfn.resources(storage, "AWS::SQS::QueuePolicy").values().stream()
                .map(p -> Cfn.statements(Cfn.at(Cfn.properties(p), "PolicyDocument")))
                .filter(s -> s.stream().anyMatch(st -> "Allow".equals(st.effect())))
                .findFirst().orElseThrow();

        // Then S3 may send, only for this bucket of this account; nobody may use the queue without TLS
        Statement send = Cfn.statement(statements, "S3SendsObjectCreatedOfTheVideoBucket");
        assertThat(send.principals()).isEqualTo(Map.of("Service", Set.of("s3.amazonaws.com")));
        assertThat(send.actions()).containsExactly("sqs:SendMessage");
        assertThat(send.conditions()).isEqualTo(Map.of(
                "ArnEquals", Map.of("aws:SourceArn", Set.of("arn:aws:s3:::" + config.storage().bucketName())),
                "StringEquals", Map.of("aws:SourceAccount", Set.of(Synth.ACCOUNT))));
        Statement tls = Cfn.statement(statements, "DenyWithoutTls");
        assertThat(tls.effect()).isEqualTo("Deny");
        assertThat(tls.conditions()).isEqualTo(Map.of("Bool", Map.of("aws:SecureTransport", Set.of("false"))));
        assertThat(statements).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void shouldLetOnlyTheUploadAndDownloadRolesAndCloudFrontUseTheKey(String stage) {
        // Given the key policy
        StageConfig config = Synth.config(stage);
        List<Statement> statements = Cfn.statements(Cfn.at(Cfn.properties(
                Cfn.only(Synth.stage(stage).storage(), "AWS::KMS::Key").getValue()), "KeyPolicy"));
        String roles = "arn:aws:iam::" + Synth.ACCOUNT + ":role/" + config.namePrefix();

        // Then the account administers the key with named actions, none of which uses it
        Statement admin = Cfn.statement(statements, "AccountAdministersTheKeyButCannotUseIt");
        assertThat(admin.principals()).isEqualTo(Map.of("AWS", Set.of("arn:aws:iam::" + Synth.ACCOUNT + ":root")));
        assertThat(admin.actions()).doesNotContainAnyElementsOf(KEY_USE).noneMatch(a -> a.contains("*"));
        // And upload-service may generate data keys and decrypt, download-service only decrypt, both through S3
        Map<String, Map<String, Set<String>>> viaS3 = Map.of("StringEquals", Map.of(
                "kms:ViaService", Set.of("s3." + config.region() + ".amazonaws.com"),
                "kms:CallerAccount", Set.of(Synth.ACCOUNT)));
        Statement upload = Cfn.statement(statements, "UploadServiceEncryptsVideosThroughS3");
        assertThat(upload.principals()).isEqualTo(Map.of("AWS", Set.of(roles + "-upload-service")));
        assertThat(upload.actions()).containsExactlyInAnyOrder("kms:GenerateDataKey", "kms:Decrypt");
        assertThat(upload.conditions()).isEqualTo(viaS3);
        Statement download = Cfn.statement(statements, "DownloadServiceDecryptsVideosThroughS3");
        assertThat(download.principals()).isEqualTo(Map.of("AWS", Set.of(roles + "-download-service")));
        assertThat(download.actions()).containsExactly("kms:Decrypt");
        assertThat(download.conditions()).isEqualTo(viaS3);
        // And nobody else may use it: CloudFront decrypts only with a CDN
        List<Map<String, Set<String>>> users = statements.stream()
                .filter(s -> s.actions().stream().anyMatch(KEY_USE::contains)).map(Statement::principals).toList();
        if (config.cdn().enabled()) {
            assertThat(users).containsExactlyInAnyOrder(upload.principals(), download.principals(),
                    Map.of("Service", Set.of("cloudfront.amazonaws.com")));
        } else {
            assertThat(users).containsExactlyInAnyOrder(upload.principals(), download.principals());
        }
        assertThat(statements).allSatisfy(s -> assertThat(s.effect()).isEqualTo("Allow"));
    }

    @Test
    void shouldOutputWhatTheChartNeeds() {
        // Given prod's storage stack
        Template storage = Synth.stage("prod").storage();

        // Then its outputs name the bucket, its region and the queue's URL
        storage.hasOutput("BucketName", Map.of("Value", Map.of("Ref", Cfn.only(storage, "AWS::S3::Bucket").getKey())));
        storage.hasOutput("BucketRegion", Map.of("Value", "eu-west-1"));
        storage.hasOutput("NotificationQueueUrl", Map.of("Value", Match.objectLike(Map.of("Ref", Match.anyValue()))));
    }
}
