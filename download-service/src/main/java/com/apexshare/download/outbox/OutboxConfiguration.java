package com.apexshare.download.outbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.support.TransactionTemplate;

import com.apexshare.download.DownloadProperties;

import io.micrometer.core.instrument.MeterRegistry;

/** Runs the relay at a fixed delay ({@code apexshare.download.outbox.relay-interval}) on every replica. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OutboxConfiguration implements SchedulingConfigurer {

    private final DownloadedOutboxRelay relay;
    private final DownloadProperties properties;

    OutboxConfiguration(JdbcClient jdbc, TransactionTemplate transactions, KafkaOperations<Object, Object> kafka,
            DownloadProperties properties, MeterRegistry metrics) {
        this.relay = new DownloadedOutboxRelay(jdbc, transactions, kafka, properties.outbox().batchSize(),
                properties.outbox().sendTimeout(), metrics);
        this.properties = properties;
    }

    @Bean
    DownloadedOutboxRelay downloadedOutboxRelay() {
        return relay;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(relay::runScheduled, properties.outbox().relayInterval());
    }
}
