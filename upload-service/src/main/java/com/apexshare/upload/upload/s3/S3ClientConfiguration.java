package com.apexshare.upload.upload.s3;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.apexshare.platform.aws.S3Clients;
import com.apexshare.upload.UploadProperties;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * S3 clients from {@code apexshare.upload.s3}: AWS by default (credentials from the SDK's chain, e.g. IRSA), or any
 * S3-compatible endpoint with path-style addressing and static keys.
 */
@Configuration(proxyBeanMethods = false)
class S3ClientConfiguration {

    @Bean(destroyMethod = "close")
    S3Client s3Client(UploadProperties properties) {
        return S3Clients.client(properties.s3().clientSettings());
    }

    @Bean(destroyMethod = "close")
    S3Presigner s3Presigner(UploadProperties properties) {
        return S3Clients.presigner(properties.s3().clientSettings());
    }
}
