package com.apexshare.catalog.upload.messaging;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;

import com.apexshare.events.Topic;
import com.apexshare.events.Topics;

/**
 * The batch listener container factory of the catalog (Boot's settings, error handler and dead-letter recoverer, plus
 * whole polls per call) and the topics it consumes.
 */
@Configuration(proxyBeanMethods = false)
class CatalogMessagingConfiguration {

    static final String BATCH_FACTORY = "catalogBatchListenerFactory";

    /** Every event topic feeds the catalog. */
    @Bean
    String[] catalogEventTopics() {
        return Topics.events().stream().map(Topic::name).toArray(String[]::new);
    }

    @Bean(BATCH_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> catalogBatchListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(true);
        // One commit per applied poll: the ledger applies the poll in one transaction.
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        return factory;
    }
}
