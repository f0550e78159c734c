package com.apexshare.deploy.aws.audit;

import java.util.List;

import com.apexshare.deploy.aws.Names;
import com.apexshare.deploy.aws.Outputs;
import com.apexshare.deploy.aws.config.StageConfig;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudtrail.AddEventSelectorOptions;
import software.amazon.awscdk.services.cloudtrail.ReadWriteType;
import software.amazon.awscdk.services.cloudtrail.S3EventSelector;
import software.amazon.awscdk.services.cloudtrail.Trail;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketAttributes;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The audit trail of the videos: a CloudTrail trail recording the data events (every GetObject, PutObject, part
 * upload, DeleteObject: who, when, from where) of the video bucket's {@code videos/} keys into a log bucket of its own.
 * Management events are left to the account's own (organization) trail, which records them anyway.
 */
public class AuditStack extends Stack {

    private final Trail trail;

    public AuditStack(Construct scope, String id, StackProps props, StageConfig config) {
        super(scope, id, props);
        Bucket logs = Bucket.Builder.create(this, "AuditLogBucket")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("expire-audit-logs")
                        .expiration(Duration.days(config.audit().logRetentionDays()))
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        trail = Trail.Builder.create(this, "VideoDataEvents")
                .trailName(config.namePrefix() + "-video-data-events")
                .bucket(logs)
                .enableFileValidation(true)
                .isMultiRegionTrail(false)
                .includeGlobalServiceEvents(false)
                .managementEvents(ReadWriteType.NONE)
                .build();
        trail.addS3EventSelector(List.of(S3EventSelector.builder()
                        .bucket(Bucket.fromBucketAttributes(this, "VideoBucket", BucketAttributes.builder()
                                .bucketName(config.storage().bucketName())
                                .build()))
                        .objectPrefix(Names.VIDEO_PREFIX)
                        .build()),
                AddEventSelectorOptions.builder()
                        .readWriteType(ReadWriteType.ALL)
                        .includeManagementEvents(false)
                        .build());

        CfnOutput.Builder.create(this, Outputs.TRAIL_ARN).value(trail.getTrailArn())
                .description("CloudTrail trail of the video bucket's data events").build();
        CfnOutput.Builder.create(this, Outputs.AUDIT_LOG_BUCKET_NAME).value(logs.getBucketName())
                .description("Where the trail's log files are (kept " + config.audit().logRetentionDays() + " days)")
                .build();
    }

    public Trail trail() {
        return trail;
    }
}
