package com.apexshare.cli;

import java.util.UUID;

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.S3Store;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The real S3 of the test JVM (S3Proxy from the devstack), with an SDK client and presigner as a service has them. */
public final class S3Fixture {

    private static volatile S3Fixture instance;

    private final S3Client client;
    private final S3Presigner presigner;

    private S3Fixture(S3Store store) {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(S3Store.ACCESS_KEY, S3Store.SECRET_KEY));
        this.client = S3Client.builder()
                .endpointOverride(store.endpoint())
                .region(Region.of(S3Store.REGION))
                .credentialsProvider(credentials)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        this.presigner = S3Presigner.builder()
                .endpointOverride(store.endpoint())
                .region(Region.of(S3Store.REGION))
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }

    public static S3Fixture get() {
        if (instance == null) {
            synchronized (S3Fixture.class) {
                if (instance == null) {
                    instance = new S3Fixture(DevStack.s3());
                }
            }
        }
        return instance;
    }

    public S3Client client() {
        return client;
    }

    public S3Presigner presigner() {
        return presigner;
    }

    /** A new bucket of the test's own. */
    public String freshBucket() {
        String bucket = "cli-" + UUID.randomUUID().toString().substring(0, 13);
        DevStack.s3().createBucket(bucket);
        return bucket;
    }
}
