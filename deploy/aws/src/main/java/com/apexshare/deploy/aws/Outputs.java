package com.apexshare.deploy.aws;

import com.apexshare.deploy.aws.config.Service;

/**
 * The stack output keys, as {@code cdk deploy --outputs-file} writes them ({@code {"<stack>": {"<key>": value}}});
 * the stacks define them and {@code values.HelmValues} reads them, both from here.
 */
public final class Outputs {

    public static final String BUCKET_NAME = "BucketName";
    public static final String BUCKET_REGION = "BucketRegion";
    public static final String NOTIFICATION_QUEUE_URL = "NotificationQueueUrl";
    public static final String NOTIFICATION_QUEUE_ARN = "NotificationQueueArn";
    public static final String DEAD_LETTER_QUEUE_URL = "DeadLetterQueueUrl";
    public static final String VIDEO_KEY_ARN = "VideoKeyArn";

    public static final String EMAIL_IDENTITY = "EmailIdentity";
    public static final String FROM_ADDRESS = "FromAddress";
    public static final String CONFIGURATION_SET_NAME = "ConfigurationSetName";
    public static final String SES_REGION = "SesRegion";
    public static final String EMAIL_EVENTS_TOPIC_ARN = "EmailEventsTopicArn";
    public static final String DKIM_RECORD = "DkimRecord";

    public static final String DISTRIBUTION_DOMAIN_NAME = "DistributionDomainName";
    public static final String DISTRIBUTION_ID = "DistributionId";
    public static final String KEY_GROUP_ID = "KeyGroupId";
    public static final String PUBLIC_KEY_ID = "PublicKeyId";

    public static final String TRAIL_ARN = "TrailArn";
    public static final String AUDIT_LOG_BUCKET_NAME = "AuditLogBucketName";

    private Outputs() {
    }

    /** e.g. {@code UploadServiceRoleArn}. */
    public static String roleArn(Service service) {
        return service.camelName() + "RoleArn";
    }
}
