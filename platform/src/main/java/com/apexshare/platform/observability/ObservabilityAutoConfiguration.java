package com.apexshare.platform.observability;

import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.RecordInterceptor;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/** See the package description. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
public class ObservabilityAutoConfiguration {

    /**
     * Bucket bounds of {@code http.server.requests}: the alert rules' objectives (initiate within 1 s, link opening
     * within 250 ms) are ratios of these buckets, and the dashboards' percentiles come from them. A few fixed bounds
     * instead of a percentile histogram: about ten series per endpoint and status, not seventy.
     */
    static final Duration[] HTTP_SERVER_BUCKETS = {Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    @Bean
    MeterFilter httpServerRequestBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!"http.server.requests".equals(id.getName())) {
                    return config;
                }
                double[] bounds = new double[HTTP_SERVER_BUCKETS.length];
                for (int i = 0; i < bounds.length; i++) {
                    bounds[i] = HTTP_SERVER_BUCKETS[i].toNanos();
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(bounds).build().merge(config);
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnClass(JdbcClient.class)
    UploadTraces uploadTraces(ObjectProvider<DataSource> dataSource, ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator, ObjectProvider<Clock> clock) {
        DataSource database = dataSource.getIfUnique();
        Tracer traces = tracer.getIfUnique();
        Propagator propagation = propagator.getIfUnique();
        if (database == null || traces == null || traces == Tracer.NOOP || propagation == null) {
            return UploadTraces.none();
        }
        return new JdbcUploadTraces(JdbcClient.create(database), traces, propagation,
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RecordInterceptor.class)
    static class Listeners {

        /** Remembers the trace of the first record of each upload a listener sees (its {@code traceparent}). */
        @Bean
        @ConditionalOnMissingBean(RecordInterceptor.class)
        RecordInterceptor<Object, Object> uploadTraceRecorder(ObjectProvider<UploadTraces> traces) {
            return new RecordInterceptor<>() {
                @Override
                public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                        Consumer<Object, Object> consumer) {
                    Header header = record.headers().lastHeader(JdbcUploadTraces.HEADER);
                    if (header != null && record.key() instanceof String key) {
                        traces.getIfAvailable(UploadTraces::none).seen(key,
                                new String(header.value(), java.nio.charset.StandardCharsets.US_ASCII));
                    }
                    return record;
                }
            };
        }
    }
}
