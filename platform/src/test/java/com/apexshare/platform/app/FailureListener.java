package com.apexshare.platform.app;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.stereotype.Component;

import com.apexshare.events.EmailFailed;
import com.apexshare.events.Topics;
import com.apexshare.platform.kafka.UnprocessableEvent;

/**
 * A batch listener of the shape catalog-service uses for throughput: decode the poll, apply it in one transaction,
 * single out a poison record by its index.
 */
@Component
class FailureListener {

    static final String FACTORY = "platformTestBatchFactory";

    private final Completions completions;

    FailureListener(Completions completions) {
        this.completions = completions;
    }

    @KafkaListener(id = "platform-test-failures", idIsGroup = false, topics = Topics.Names.EMAIL_FAILED,
            containerFactory = FACTORY)
    void onEmailFailed(List<ConsumerRecord<String, EmailFailed>> records) {
        List<UUID> fileIds = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                fileIds.add(UUID.fromString(records.get(i).value().getFileId()));
            } catch (RuntimeException e) {
                completions.applyAll(fileIds);
                throw new BatchListenerFailedException("Record " + i + " cannot be decoded",
                        new UnprocessableEvent("not an EmailFailed with a UUID file id", e), i);
            }
        }
        completions.applyAll(fileIds);
    }

    @Configuration(proxyBeanMethods = false)
    static class BatchFactory {

        @Bean(FACTORY)
        ConcurrentKafkaListenerContainerFactory<Object, Object> platformTestBatchFactory(
                ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
            ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
                    new ConcurrentKafkaListenerContainerFactory<>();
            configurer.configure(factory, consumers);
            factory.setBatchListener(true);
            factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
            return factory;
        }
    }
}
