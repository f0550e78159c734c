package com.apexshare.platform.aws;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Where and as whom an AWS client connects.
 *
 * @param region          the region (required)
 * @param endpoint        an S3- or SES-compatible endpoint; blank for AWS itself
 * @param pathStyleAccess {@code http://host/bucket/key} addressing (S3Proxy, MinIO); S3 only
 * @param accessKey       static credentials; blank for the SDK's default chain
 * @param secretKey       static credentials; blank for the SDK's default chain
 */
public record AwsClientSettings(String region, String endpoint, boolean pathStyleAccess, String accessKey,
        String secretKey) {

    public AwsClientSettings {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("an AWS region is required");
        }
        boolean hasKey = accessKey != null && !accessKey.isBlank();
        boolean hasSecret = secretKey != null && !secretKey.isBlank();
        if (hasKey != hasSecret) {
            throw new IllegalArgumentException("set both the access key and the secret key, or neither");
        }
    }

    public boolean hasEndpoint() {
        return endpoint != null && !endpoint.isBlank();
    }

    public URI endpointUri() {
        return URI.create(endpoint.trim());
    }

    public boolean hasStaticCredentials() {
        return accessKey != null && !accessKey.isBlank();
    }

    /** Static keys when given, otherwise the SDK's default chain (environment, IRSA web identity, instance role). */
    public AwsCredentialsProvider credentialsProvider() {
        if (hasStaticCredentials()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "AwsClientSettings[region=" + region + ", endpoint=" + (hasEndpoint() ? endpoint : "AWS")
                + ", pathStyleAccess=" + pathStyleAccess + ", credentials="
                + (hasStaticCredentials() ? "static " + accessKey : "default chain") + "]";
    }
}
