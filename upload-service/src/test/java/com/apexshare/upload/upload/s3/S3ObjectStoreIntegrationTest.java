package com.apexshare.upload.upload.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.S3Store;
import com.apexshare.upload.upload.StorageUnavailable;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * HeadObject of a missing key where the role lacks {@code s3:ListBucket}: AWS answers 403 instead of 404. S3Proxy
 * (real, checking signatures) answers 404; the client below turns that answer into AWS's 403 as it arrives, so the
 * store sees exactly what it would see on AWS.
 */
class S3ObjectStoreIntegrationTest {

    private static final String BUCKET = "apexshare-head-test";
    private static S3Client awsWithoutListBucket;
    private static S3Presigner presigner;

    /** What AWS does for a principal without ListBucket: a missing key is "Access Denied". */
    private static final class MissingKeyAnswersForbidden implements ExecutionInterceptor {

        @Override
        public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context,
                ExecutionAttributes executionAttributes) {
            if (context.request() instanceof HeadObjectRequest && context.httpResponse().statusCode() == 404) {
                return context.httpResponse().toBuilder().statusCode(403).statusText("Forbidden").build();
            }
            return context.httpResponse();
        }
    }

    @BeforeAll
    static void clients() {
        S3Store store = DevStack.s3();
        store.createBucket(BUCKET);
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(S3Store.ACCESS_KEY, S3Store.SECRET_KEY));
        awsWithoutListBucket = S3Client.builder().endpointOverride(store.endpoint()).region(Region.of(S3Store.REGION))
                .credentialsProvider(credentials).forcePathStyle(true)
                .overrideConfiguration(o -> o.addExecutionInterceptor(new MissingKeyAnswersForbidden())).build();
        presigner = S3Presigner.builder().endpointOverride(store.endpoint()).region(Region.of(S3Store.REGION))
                .credentialsProvider(credentials).build();
    }

    @AfterAll
    static void close() {
        awsWithoutListBucket.close();
        presigner.close();
    }

    private static S3ObjectStore store(boolean forbiddenMeansMissing) {
        return new S3ObjectStore(awsWithoutListBucket, presigner, BUCKET, forbiddenMeansMissing,
                new SimpleMeterRegistry());
    }

    @Test
    void shouldTakeAForbiddenHeadAsAMissingKeyWhenConfiguredSo() {
        // Given a store configured for a role without ListBucket, one object present and one key missing
        S3ObjectStore store = store(true);
        String present = "videos/2026-12-01/" + UUID.randomUUID() + "-ride.mp4";
        awsWithoutListBucket.putObject(b -> b.bucket(BUCKET).key(present), RequestBody.fromBytes(new byte[42]));

        // When both are looked up
        // Then the present one is found with its size, and the missing one (answered 403) is simply not there
        assertThat(store.head(present)).hasValueSatisfying(o -> assertThat(o.size()).isEqualTo(42));
        assertThat(store.head("videos/2026-12-01/" + UUID.randomUUID() + "-missing.mp4")).isEmpty();
    }

    @Test
    void shouldTakeAForbiddenHeadAsADenialByDefault() {
        // Given the default store (the documented policy grants ListBucket, so a 403 is a real denial)
        S3ObjectStore store = store(false);

        // When a key answered with 403 is looked up
        // Then the store reports S3 as unavailable (503 to a client, retried by a listener), never "missing"
        assertThatThrownBy(() -> store.head("videos/2026-12-01/" + UUID.randomUUID() + "-missing.mp4"))
                .isInstanceOf(StorageUnavailable.class);
    }
}
