package com.apexshare.download.link;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import com.apexshare.download.DownloadProperties;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires the link service and the view from their ports, and schedules the view's retention. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LinkConfiguration implements SchedulingConfigurer {

    private final DownloadProperties properties;
    private final ObjectProvider<ViewRetention> retention;

    LinkConfiguration(DownloadProperties properties, ObjectProvider<ViewRetention> retention) {
        this.properties = properties;
        this.retention = retention;
    }

    @Bean
    DownloadMetrics downloadMetrics(MeterRegistry registry) {
        return new DownloadMetrics(registry);
    }

    @Bean
    DownloadLinks downloadLinks(LinkStore links, DownloadUrlSigner signer, DownloadLog downloads,
            DownloadMetrics metrics, Clock clock) {
        return new DownloadLinks(links, signer, downloads, metrics, clock,
                new DownloadLinks.Serving(properties.s3().bucket(), properties.urlExpiry()));
    }

    @Bean
    UploadView uploadView(Uploads uploads, SentLinks links, Clock clock) {
        return new UploadView(uploads, links, clock);
    }

    @Bean
    ViewRetention viewRetention(UploadView view, Clock clock) {
        return new ViewRetention(view, clock, properties.viewRetention().grace());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(() -> retention.getObject().runScheduled(), properties.viewRetention().interval());
    }
}
