package com.apexshare.platform.kafka;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;

import com.apexshare.platform.PlatformProperties;
import com.apexshare.platform.observability.UploadTraces;

import io.micrometer.core.instrument.MeterRegistry;

/** The Kafka set-up every service shares; see the package description. */
@AutoConfiguration(beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(PlatformProperties.class)
public class KafkaAutoConfiguration {

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"})
    DefaultKafkaProducerFactoryCustomizer valueSerializerByType() {
        return factory -> ((DefaultKafkaProducerFactory) factory).setValueSerializer(ValueSerializers.byType());
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler kafkaErrorPolicy(KafkaOperations<Object, Object> kafka, PlatformProperties platform,
            KafkaProperties kafkaProperties, MeterRegistry metrics) {
        String group = kafkaProperties.getConsumer().getGroupId();
        return KafkaErrorPolicy.errorHandler(kafka, platform.kafka().retry(),
                group == null || group.isBlank() ? "unknown-group" : group, metrics);
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaOperations<Object, Object> kafka, PlatformProperties platform,
            ObjectProvider<UploadTraces> traces) {
        return new EventPublisher(kafka, platform.kafka().sendTimeout(), traces.getIfAvailable(UploadTraces::none));
    }

    @Bean
    TopicProvisioner topicProvisioner(KafkaAdmin admin, ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        return new TopicProvisioner(admin, listeners.getIfAvailable(KafkaListenerEndpointRegistry::new));
    }
}
