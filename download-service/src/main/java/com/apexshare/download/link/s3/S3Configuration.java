package com.apexshare.download.link.s3;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import com.apexshare.download.DownloadProperties;
import com.apexshare.download.link.DownloadUrlSigner;
import com.apexshare.platform.aws.S3Clients;

/** The presigner from {@code apexshare.download.s3}: AWS by default, any S3-compatible endpoint by configuration. */
@Configuration(proxyBeanMethods = false)
class S3Configuration {

    @Bean(destroyMethod = "close")
    S3Presigner s3Presigner(DownloadProperties properties) {
        return S3Clients.presigner(properties.s3().client());
    }

    /** The signer unless downloads go through CloudFront ({@code link.cloudfront} has the other one). */
    @Bean
    @ConditionalOnProperty(name = "apexshare.download.cloudfront.enabled", havingValue = "false", matchIfMissing = true)
    DownloadUrlSigner downloadUrlSigner(S3Presigner presigner) {
        return new S3DownloadUrlSigner(presigner);
    }
}
