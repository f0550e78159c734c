package com.apexshare.catalog.retention.s3;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.apexshare.catalog.CatalogProperties;
import com.apexshare.platform.aws.AwsClientSettings;
import com.apexshare.platform.aws.S3Clients;

import software.amazon.awssdk.services.s3.S3Client;

/** The S3 client from {@code apexshare.catalog.s3}: AWS by default, any S3-compatible endpoint by configuration. */
@Configuration(proxyBeanMethods = false)
class S3Configuration {

    @Bean(destroyMethod = "close")
    S3Client s3Client(CatalogProperties properties) {
        CatalogProperties.S3 s3 = properties.s3();
        return S3Clients.client(new AwsClientSettings(s3.region(), s3.endpoint(), s3.pathStyleAccess(),
                s3.accessKey(), s3.secretKey()));
    }
}
