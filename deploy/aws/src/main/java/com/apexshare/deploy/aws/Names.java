package com.apexshare.deploy.aws;

import com.apexshare.deploy.aws.config.Service;
import com.apexshare.deploy.aws.config.StageConfig;

import software.amazon.awscdk.Stack;

/**
 * ARNs of resources that one stack creates and another names before or without referencing it: the names are fixed
 * by the stage configuration, so no stack exports or imports a value (no cross-stack locks, no dependency cycles
 * between the key policy, the roles, the bucket and the distribution).
 */
public final class Names {

    /** Every key under this prefix is a video: {@code videos/YYYY-MM-DD/<fileId>-<fileName>} (upload-service). */
    public static final String VIDEO_PREFIX = "videos/";

    private Names() {
    }

    public static String bucketArn(Stack stack, String bucketName) {
        return "arn:" + stack.getPartition() + ":s3:::" + bucketName;
    }

    public static String videoObjectsArn(Stack stack, String bucketName) {
        return bucketArn(stack, bucketName) + "/" + VIDEO_PREFIX + "*";
    }

    public static String queueArn(Stack stack, String queueName) {
        return "arn:" + stack.getPartition() + ":sqs:" + stack.getRegion() + ":" + stack.getAccount() + ":" + queueName;
    }

    public static String roleArn(Stack stack, StageConfig config, Service service) {
        return "arn:" + stack.getPartition() + ":iam::" + stack.getAccount() + ":role/" + config.roleName(service);
    }

    public static String sesIdentityArn(Stack stack, String region, String identity) {
        return "arn:" + stack.getPartition() + ":ses:" + region + ":" + stack.getAccount() + ":identity/" + identity;
    }

    public static String sesConfigurationSetArn(Stack stack, String region, String name) {
        return "arn:" + stack.getPartition() + ":ses:" + region + ":" + stack.getAccount() + ":configuration-set/"
                + name;
    }

    public static String oidcProviderArn(Stack stack, String issuer) {
        return "arn:" + stack.getPartition() + ":iam::" + stack.getAccount() + ":oidc-provider/" + issuer;
    }

    /** Distributions CloudFront may read the bucket for: the pinned one, or any of the account's until it exists. */
    public static String distributionArn(Stack stack, String distributionIdOrNull) {
        return "arn:" + stack.getPartition() + ":cloudfront::" + stack.getAccount() + ":distribution/"
                + (distributionIdOrNull == null ? "*" : distributionIdOrNull);
    }
}
