package com.apexshare.download.link.cloudfront;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.apexshare.download.DownloadProperties;
import com.apexshare.download.link.DownloadUrlSigner;

/**
 * The CloudFront signer, instead of the S3 one, when {@code apexshare.download.cloudfront.enabled}. Its settings and
 * the key are checked while the context starts, so a pod with a missing or broken secret never becomes ready.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "apexshare.download.cloudfront.enabled", havingValue = "true")
class CloudFrontConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CloudFrontConfiguration.class);

    @Bean
    DownloadUrlSigner downloadUrlSigner(DownloadProperties properties, Clock clock) {
        CloudFrontSigningKey key = CloudFrontSigningKey.load(properties.cloudfront());
        // Names only: the key stays out of every log line.
        LOG.info("Download URLs are CloudFront URLs for {} signed with key pair {}, valid for {}", key.domain(),
                key.keyPairId(), properties.urlExpiry());
        return new CloudFrontDownloadUrlSigner(key, clock);
    }
}
