package com.apexshare.download.link;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import com.apexshare.download.DownloadProperties;
import com.apexshare.events.storage.ObjectLocations;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Wires the link service and the view from their ports, and schedules the view's retention and the drain of the
 * previous version's outbox table.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LinkConfiguration implements SchedulingConfigurer {

    /** The previous version's replicas relay their own rows while they run; this only catches what they leave. */
    private static final Duration PREVIOUS_OUTBOX_DRAIN_INTERVAL = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(LinkConfiguration.class);

    private final DownloadProperties properties;
    private final ObjectProvider<ViewRetention> retention;
    private final ObjectProvider<PreviousOutboxDrain> previousOutbox;

    LinkConfiguration(DownloadProperties properties, ObjectProvider<ViewRetention> retention,
            ObjectProvider<PreviousOutboxDrain> previousOutbox) {
        this.properties = properties;
        this.retention = retention;
        this.previousOutbox = previousOutbox;
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
    UploadView uploadView(Uploads uploads, SentLinks links, LinkActivations activations, DownloadMetrics metrics,
            Clock clock) {
        return new UploadView(uploads, links, activations, new ObjectLocations(properties.s3().bucket()), metrics,
                clock);
    }

    @Bean
    ViewRetention viewRetention(UploadView view, Clock clock) {
        return new ViewRetention(view, clock, properties.viewRetention().grace(),
                properties.viewRetention().parkLimit());
    }

    @Bean
    PreviousOutboxDrain previousOutboxDrain(PreviousOutbox previous, DownloadLog downloads) {
        return new PreviousOutboxDrain(previous, downloads);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(() -> retention.getObject().runScheduled(), properties.viewRetention().interval());
        tasks.addFixedDelayTask(this::drainPreviousOutbox, PREVIOUS_OUTBOX_DRAIN_INTERVAL);
    }

    /** Batch after batch (each its own transaction, through the bean's proxy) until the old table is empty. */
    private void drainPreviousOutbox() {
        try {
            PreviousOutboxDrain drain = previousOutbox.getObject();
            int moved;
            do {
                moved = drain.moveBatch();
                if (moved > 0) {
                    LOG.info("Moved {} openings from the previous version's outbox table to the outbox", moved);
                }
            } while (moved == PreviousOutboxDrain.BATCH);
        } catch (RuntimeException e) {
            LOG.warn("Moving the previous version's waiting openings failed; retrying in {}: {}",
                    PREVIOUS_OUTBOX_DRAIN_INTERVAL, e.toString());
        }
    }
}
