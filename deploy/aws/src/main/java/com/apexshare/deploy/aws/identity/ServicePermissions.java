package com.apexshare.deploy.aws.identity;

import java.util.List;
import java.util.Map;

import com.apexshare.deploy.aws.Names;
import com.apexshare.deploy.aws.config.Service;
import com.apexshare.deploy.aws.config.StageConfig;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * Least privilege, call by call, from the services' code. Each statement's Sid says which calls need it. No action and
 * no resource is a wildcard except the object prefix {@code videos/*} (every video key) of the one bucket.
 * KMS use is granted by the key policy (storage stack), not here, because only that policy can keep everybody else out.
 */
final class ServicePermissions {

    private final Stack stack;
    private final StageConfig config;

    ServicePermissions(Stack stack, StageConfig config) {
        this.stack = stack;
        this.config = config;
    }

    List<PolicyStatement> of(Service service) {
        String bucket = config.storage().bucketName();
        String videos = Names.videoObjectsArn(stack, bucket);
        return switch (service) {
            // upload-service/…/upload/s3/S3ObjectStore and …/upload/messaging/SqsNotificationPoller
            case UPLOAD -> List.of(
                    statement("CreateMultipartUploadUploadPartCompleteMultipartUploadAndPresignedPut",
                            List.of("s3:PutObject"), videos),
                    statement("ListPartsToResumeAnUpload", List.of("s3:ListMultipartUploadParts"), videos),
                    statement("AbortMultipartUpload", List.of("s3:AbortMultipartUpload"), videos),
                    statement("HeadObjectToCheckTheCompletedObject", List.of("s3:GetObject"), videos),
                    statement("DeleteObjectOfAnAbortedOrWrongSizedUpload", List.of("s3:DeleteObject"), videos),
                    // Without it S3 answers HeadObject of a missing key with 403 instead of 404, and the service
                    // would report storage as unavailable instead of "not uploaded yet".
                    statement("ListBucketSoThatAMissingKeyAnswers404", List.of("s3:ListBucket"),
                            Names.bucketArn(stack, bucket)),
                    statement("ReceiveAndDeleteS3Notifications", List.of("sqs:ReceiveMessage", "sqs:DeleteMessage"),
                            Names.queueArn(stack, config.notificationQueueName())));
            // catalog-service/…/catalog/retention/s3/S3ObjectStore: deletes a video at the end of its retention.
            case CATALOG -> List.of(
                    statement("DeleteObjectAtRetentionEnd", List.of("s3:DeleteObject"), videos));
            // download-service/…/download/link/s3/S3DownloadUrlSigner: presigned GET (range requests included).
            case DOWNLOAD -> List.of(
                    statement("PresignedGetObject", List.of("s3:GetObject"), videos));
            // notification-service/…/notification/email/ses/SesMailTransport: SES v2 SendEmail with the
            // configuration set, from the configured address only.
            case NOTIFICATION -> List.of(PolicyStatement.Builder.create()
                    .sid("SendEmailFromTheIdentityWithTheConfigurationSet")
                    .actions(List.of("ses:SendEmail"))
                    .resources(List.of(
                            Names.sesIdentityArn(stack, config.region(), config.email().domain()),
                            Names.sesConfigurationSetArn(stack, config.region(),
                                    config.email().configurationSetName())))
                    .conditions(Map.of("StringEquals", Map.of("ses:FromAddress", config.email().fromAddress())))
                    .build());
        };
    }

    private static PolicyStatement statement(String sid, List<String> actions, String resource) {
        return PolicyStatement.Builder.create().sid(sid).actions(actions).resources(List.of(resource)).build();
    }
}
