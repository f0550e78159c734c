package com.apexshare.deploy.aws.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.apexshare.deploy.aws.Names;
import com.apexshare.deploy.aws.Outputs;
import com.apexshare.deploy.aws.config.Service;
import com.apexshare.deploy.aws.config.StageConfig;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.sqs.QueuePolicy;
import software.constructs.Construct;

/**
 * The video bucket, its KMS key and the SQS queue (with a dead-letter queue) its ObjectCreated notifications for
 * {@code videos/} go to; upload-service long-polls that queue ({@code S3_NOTIFICATIONS_SQS_QUEUE_URL}).
 *
 * <p>The key policy names the service roles of the identity stack by their fixed ARNs (that stack deploys first: KMS
 * refuses a policy naming a principal that does not exist). The bucket notification is set directly on the bucket
 * resource, after the queue policy exists, instead of through CDK's notification Lambda: S3 checks that it may send to
 * the queue when the configuration is set, and the queue policy names the bucket by its fixed name, so there is no
 * cycle and no extra function with {@code s3:PutBucketNotification} on {@code *}.
 */
public class StorageStack extends Stack {

    /** Key administration without any use of the key: nobody but the service roles encrypts or decrypts videos. */
    static final List<String> KEY_ADMIN_ACTIONS = List.of(
            "kms:CancelKeyDeletion", "kms:CreateAlias", "kms:DeleteAlias", "kms:DescribeKey", "kms:DisableKey",
            "kms:DisableKeyRotation", "kms:EnableKey", "kms:EnableKeyRotation", "kms:GetKeyPolicy",
            "kms:GetKeyRotationStatus", "kms:ListAliases", "kms:ListGrants", "kms:ListKeyPolicies",
            "kms:ListKeyRotations", "kms:ListResourceTags", "kms:PutKeyPolicy", "kms:RevokeGrant",
            "kms:RotateKeyOnDemand", "kms:ScheduleKeyDeletion", "kms:TagResource", "kms:UntagResource",
            "kms:UpdateAlias", "kms:UpdateKeyDescription");

    private final Bucket bucket;
    private final Queue queue;
    private final Key key;

    public StorageStack(Construct scope, String id, StackProps props, StageConfig config) {
        super(scope, id, props);
        StageConfig.Storage storage = config.storage();
        RemovalPolicy removal = storage.removeWithStack() ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

        key = Key.Builder.create(this, "VideoKey")
                .alias("alias/" + config.namePrefix() + "-videos")
                .description("Encrypts ApexShare's videos (" + config.stage() + "); usable only by its service roles")
                .enableKeyRotation(true)
                .policy(keyPolicy(config))
                .removalPolicy(removal)
                .build();

        DeadLetterQueue deadLetters = DeadLetterQueue.builder()
                .queue(Queue.Builder.create(this, "NotificationDeadLetterQueue")
                        .queueName(config.deadLetterQueueName())
                        .encryption(QueueEncryption.SQS_MANAGED)
                        .enforceSsl(true)
                        .retentionPeriod(Duration.days(storage.notificationQueue().deadLetterRetentionDays()))
                        .build())
                .maxReceiveCount(storage.notificationQueue().maxReceiveCount())
                .build();
        // SQS-managed encryption: S3 may send to it without a KMS grant, and the upload role reads it without one.
        queue = Queue.Builder.create(this, "NotificationQueue")
                .queueName(config.notificationQueueName())
                .encryption(QueueEncryption.SQS_MANAGED)
                .visibilityTimeout(Duration.seconds(storage.notificationQueue().visibilityTimeoutSeconds()))
                .retentionPeriod(Duration.days(storage.notificationQueue().retentionDays()))
                .receiveMessageWaitTime(Duration.seconds(20))
                .deadLetterQueue(deadLetters)
                .build();
        // An explicit policy (instead of enforceSsl's implicit one) so that the bucket can wait for it.
        QueuePolicy queuePolicy = QueuePolicy.Builder.create(this, "NotificationQueuePolicy")
                .queues(List.of(queue))
                .build();
        queuePolicy.getDocument().addStatements(
                PolicyStatement.Builder.create()
                        .sid("DenyWithoutTls")
                        .effect(Effect.DENY)
                        .principals(List.of(new AnyPrincipal()))
                        .actions(List.of("sqs:*"))
                        .resources(List.of(queue.getQueueArn()))
                        .conditions(Map.of("Bool", Map.of("aws:SecureTransport", "false")))
                        .build(),
                PolicyStatement.Builder.create()
                        .sid("S3SendsObjectCreatedOfTheVideoBucket")
                        .principals(List.of(new ServicePrincipal("s3.amazonaws.com")))
                        .actions(List.of("sqs:SendMessage"))
                        .resources(List.of(queue.getQueueArn()))
                        .conditions(Map.of(
                                "ArnEquals", Map.of("aws:SourceArn", Names.bucketArn(this, storage.bucketName())),
                                "StringEquals", Map.of("aws:SourceAccount", getAccount())))
                        .build());

        bucket = Bucket.Builder.create(this, "VideoBucket")
                .bucketName(storage.bucketName())
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .encryption(BucketEncryption.KMS)
                .encryptionKey(key)
                // One data key per bucket instead of per object: far fewer KMS calls (and costs) for many parts.
                .bucketKeyEnabled(true)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .versioned(false)
                .lifecycleRules(lifecycleRules(config))
                .cors(List.of(CorsRule.builder()
                        .allowedOrigins(storage.corsAllowedOrigins())
                        .allowedMethods(List.of(HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD))
                        .allowedHeaders(List.of("*"))
                        // The browser needs each part's ETag to complete a multipart upload.
                        .exposedHeaders(List.of("ETag"))
                        .maxAge(3000)
                        .build()))
                .removalPolicy(removal)
                .build();
        // Default encryption covers every upload that names no encryption (all of ApexShare's); these two refuse an
        // upload that asks for another one. "Null: false" = the header is present (a negated operator alone would
        // also match requests without it).
        bucket.addToResourcePolicy(denyPutObjectWhenHeader("DenyOtherEncryptionThanKms",
                "s3:x-amz-server-side-encryption", "aws:kms"));
        bucket.addToResourcePolicy(denyPutObjectWhenHeader("DenyOtherKeyThanTheVideoKey",
                "s3:x-amz-server-side-encryption-aws-kms-key-id", key.getKeyArn()));
        if (config.cdn().enabled()) {
            bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                    .sid("CloudFrontReadsVideosThroughOriginAccessControl")
                    .principals(List.of(new ServicePrincipal("cloudfront.amazonaws.com")))
                    .actions(List.of("s3:GetObject"))
                    .resources(List.of(Names.videoObjectsArn(this, storage.bucketName())))
                    .conditions(cloudFrontCondition(config))
                    .build());
        }

        CfnBucket cfnBucket = (CfnBucket) bucket.getNode().getDefaultChild();
        cfnBucket.setNotificationConfiguration(CfnBucket.NotificationConfigurationProperty.builder()
                .queueConfigurations(List.of(CfnBucket.QueueConfigurationProperty.builder()
                        .event("s3:ObjectCreated:*")
                        .queue(queue.getQueueArn())
                        .filter(CfnBucket.NotificationFilterProperty.builder()
                                .s3Key(CfnBucket.S3KeyFilterProperty.builder()
                                        .rules(List.of(CfnBucket.FilterRuleProperty.builder()
                                                .name("prefix").value(Names.VIDEO_PREFIX).build()))
                                        .build())
                                .build())
                        .build()))
                .build());
        cfnBucket.getNode().addDependency(queuePolicy);

        output(Outputs.BUCKET_NAME, bucket.getBucketName(), "The video bucket: the chart's s3.bucket");
        output(Outputs.BUCKET_REGION, getRegion(), "The bucket's region: the chart's s3.region");
        output(Outputs.NOTIFICATION_QUEUE_URL, queue.getQueueUrl(),
                "upload-service's S3_NOTIFICATIONS_SQS_QUEUE_URL");
        output(Outputs.NOTIFICATION_QUEUE_ARN, queue.getQueueArn(), "The queue S3 sends ObjectCreated to");
        output(Outputs.DEAD_LETTER_QUEUE_URL, deadLetters.getQueue().getQueueUrl(),
                "Notifications received " + storage.notificationQueue().maxReceiveCount() + " times without success");
        output(Outputs.VIDEO_KEY_ARN, key.getKeyArn(), "The KMS key that encrypts the videos");
    }

    private PolicyStatement denyPutObjectWhenHeader(String sid, String conditionKey, String allowedValue) {
        return PolicyStatement.Builder.create()
                .sid(sid)
                .effect(Effect.DENY)
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("s3:PutObject"))
                .resources(List.of(bucket.arnForObjects("*")))
                .conditions(Map.of(
                        "Null", Map.of(conditionKey, "false"),
                        "StringNotEquals", Map.of(conditionKey, allowedValue)))
                .build();
    }

    private PolicyDocument keyPolicy(StageConfig config) {
        String viaS3 = "s3." + getRegion() + ".amazonaws.com";
        List<PolicyStatement> statements = new ArrayList<>();
        statements.add(PolicyStatement.Builder.create()
                .sid("AccountAdministersTheKeyButCannotUseIt")
                .principals(List.of(new AccountRootPrincipal()))
                .actions(KEY_ADMIN_ACTIONS)
                .resources(List.of("*"))
                .build());
        statements.add(PolicyStatement.Builder.create()
                .sid("UploadServiceEncryptsVideosThroughS3")
                .principals(List.of(new ArnPrincipal(Names.roleArn(this, config, Service.UPLOAD))))
                // GenerateDataKey: PutObject, CreateMultipartUpload, UploadPart (the presigned ones too: they are
                // signed with the role's credentials). Decrypt: S3 reads the encrypted parts to complete a multipart
                // upload.
                .actions(List.of("kms:GenerateDataKey", "kms:Decrypt"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("kms:ViaService", viaS3, "kms:CallerAccount", getAccount())))
                .build());
        statements.add(PolicyStatement.Builder.create()
                .sid("DownloadServiceDecryptsVideosThroughS3")
                .principals(List.of(new ArnPrincipal(Names.roleArn(this, config, Service.DOWNLOAD))))
                // Presigned GETs are signed with the role's credentials: S3 decrypts on the role's behalf.
                .actions(List.of("kms:Decrypt"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("kms:ViaService", viaS3, "kms:CallerAccount", getAccount())))
                .build());
        if (config.cdn().enabled()) {
            statements.add(PolicyStatement.Builder.create()
                    .sid("CloudFrontDecryptsVideosThroughOriginAccessControl")
                    .principals(List.of(new ServicePrincipal("cloudfront.amazonaws.com")))
                    .actions(List.of("kms:Decrypt"))
                    .resources(List.of("*"))
                    .conditions(cloudFrontCondition(config))
                    .build());
        }
        return PolicyDocument.Builder.create().statements(statements).build();
    }

    private Map<String, Object> cloudFrontCondition(StageConfig config) {
        String distributionId = config.cdn().distributionId();
        return Map.of(distributionId == null ? "ArnLike" : "StringEquals",
                Map.of("AWS:SourceArn", Names.distributionArn(this, distributionId)));
    }

    private static List<LifecycleRule> lifecycleRules(StageConfig config) {
        StageConfig.Storage storage = config.storage();
        List<LifecycleRule> rules = new ArrayList<>();
        // Parts of a multipart upload nobody completes (a closed laptop) would be stored and billed forever.
        rules.add(LifecycleRule.builder()
                .id("abort-incomplete-multipart-uploads")
                .abortIncompleteMultipartUploadAfter(Duration.days(1))
                .build());
        LifecycleRule.Builder videos = LifecycleRule.builder()
                .id("expire-videos-after-retention")
                .prefix(Names.VIDEO_PREFIX)
                .expiration(Duration.days(storage.expiryDays(config.retentionDays())));
        if (storage.infrequentAccessAfterDays() != null) {
            videos.transitions(List.of(Transition.builder()
                    .storageClass(StorageClass.INFREQUENT_ACCESS)
                    .transitionAfter(Duration.days(storage.infrequentAccessAfterDays()))
                    .build()));
        }
        rules.add(videos.build());
        return rules;
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }

    public Bucket bucket() {
        return bucket;
    }

    public Queue queue() {
        return queue;
    }

    public Key key() {
        return key;
    }
}
