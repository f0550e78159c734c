package com.apexshare.download.link;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.apexshare.download.DownloadProperties;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires the link service from its ports. */
@Configuration(proxyBeanMethods = false)
class LinkConfiguration {

    @Bean
    DownloadMetrics downloadMetrics(MeterRegistry registry) {
        return new DownloadMetrics(registry);
    }

    @Bean
    DownloadLinks downloadLinks(LinkStore links, DownloadUrlSigner signer, DownloadLog downloads,
            DownloadMetrics metrics, Clock clock, DownloadProperties properties) {
        return new DownloadLinks(links, signer, downloads, metrics, clock, properties.s3().bucket(),
                properties.urlExpiry());
    }
}
