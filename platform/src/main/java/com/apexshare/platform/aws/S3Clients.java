package com.apexshare.platform.aws;

import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The S3 client and presigner of a service, from its settings. */
public final class S3Clients {

    private S3Clients() {
    }

    public static S3Client client(AwsClientSettings settings) {
        return AwsClients.configure(S3Client.builder(), settings)
                .serviceConfiguration(serviceConfiguration(settings))
                // Checksums only where S3 requires them: S3-compatible stores do not all speak the newer trailers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    public static S3Presigner presigner(AwsClientSettings settings) {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(settings.credentialsProvider())
                .serviceConfiguration(serviceConfiguration(settings));
        if (settings.hasEndpoint()) {
            builder.endpointOverride(settings.endpointUri());
        }
        return builder.build();
    }

    private static S3Configuration serviceConfiguration(AwsClientSettings settings) {
        return S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyleAccess()).build();
    }
}
