package com.apexshare.upload.s3;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.apexshare.upload.UploadProperties;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * S3 clients from {@code apexshare.upload.s3}: AWS by default (credentials from the SDK's chain, e.g. IRSA), or any
 * S3-compatible endpoint with path-style addressing and static keys.
 */
@Configuration(proxyBeanMethods = false)
class S3ClientConfiguration {

    @Bean
    AwsCredentialsProvider s3CredentialsProvider(UploadProperties properties) {
        UploadProperties.S3 s3 = properties.s3();
        if (s3.hasStaticCredentials()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @Bean(destroyMethod = "close")
    S3Client s3Client(UploadProperties properties, AwsCredentialsProvider credentials) {
        UploadProperties.S3 s3 = properties.s3();
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(s3.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(serviceConfiguration(s3))
                // Checksums only where S3 requires them: S3-compatible stores do not all speak the newer trailers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (s3.hasEndpoint()) {
            builder.endpointOverride(s3.endpointUri());
        }
        return builder.build();
    }

    @Bean(destroyMethod = "close")
    S3Presigner s3Presigner(UploadProperties properties, AwsCredentialsProvider credentials) {
        UploadProperties.S3 s3 = properties.s3();
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(s3.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(serviceConfiguration(s3));
        if (s3.hasEndpoint()) {
            builder.endpointOverride(s3.endpointUri());
        }
        return builder.build();
    }

    private static S3Configuration serviceConfiguration(UploadProperties.S3 s3) {
        return S3Configuration.builder().pathStyleAccessEnabled(s3.pathStyleAccess()).build();
    }
}
