package com.apexshare.platform.outbox;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.apexshare.platform.PlatformProperties;
import com.apexshare.platform.observability.UploadTraces;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManagerFactory;

/**
 * The outbox of a service that switches it on ({@code apexshare.platform.outbox.enabled=true}) and has the table.
 * The package is added to the service's JPA entity and repository scan, so a service must not narrow those scans
 * with {@code @EntityScan} or {@code @EnableJpaRepositories}.
 */
// Before JPA: the package must be registered when the entity and repository scans read the list.
@AutoConfiguration(beforeName = {"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration"})
@ConditionalOnClass({EntityManagerFactory.class, KafkaOperations.class})
@ConditionalOnProperty(name = "apexshare.platform.outbox.enabled", havingValue = "true")
@AutoConfigurationPackage
@EnableConfigurationProperties(PlatformProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    OutboxRelay outboxRelay(OutboxRecords records, PlatformTransactionManager transactions,
            KafkaOperations<Object, Object> kafka, Clock clock, PlatformProperties platform, MeterRegistry metrics,
            ObjectProvider<UploadTraces> traces) {
        return new OutboxRelay(records, new TransactionTemplate(transactions), kafka, clock, platform.outbox(),
                metrics, traces.getIfAvailable(UploadTraces::none));
    }

    @Bean
    Outbox outbox(OutboxRecords records, Clock clock, OutboxRelay relay, ObjectProvider<UploadTraces> traces) {
        return new JpaOutbox(records, clock, relay, traces.getIfAvailable(UploadTraces::none));
    }
}
