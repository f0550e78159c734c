package com.apexshare.platform.observability;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The platform's observability defaults, below every other property source (a service's application.yaml and the
 * environment override each): every request and record traced, observations on KafkaTemplate and the listener
 * containers (trace context in the records' {@code traceparent} header), no OTLP metrics push (metrics are pulled
 * from /actuator/prometheus), no Prometheus exemplars (unless the service sets {@code spring.autoconfigure.exclude}
 * itself). Spans leave the JVM only when
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} is set
 * ({@code MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT}). Structured logs: {@code logging.structured.format.console}
 * ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}), off unless set.
 */
public class ObservabilityDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "apexshare-platform-observability-defaults";
    private static final String EXCLUDE = "spring.autoconfigure.exclude";
    private static final String EXEMPLARS =
            "org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        // One request in ten: tracing every request at 1.0 added 4 ms to the gateway's p50 and 37 ms to its p99 at
        // 500 req/s on 2 cores (GatewayBenchmark). The local run and the tests trace everything.
        defaults.put("management.tracing.sampling.probability", "0.1");
        defaults.put("spring.kafka.template.observation-enabled", "true");
        defaults.put("spring.kafka.listener.observation-enabled", "true");
        defaults.put("management.otlp.metrics.export.enabled", "false");
        if (environment.getProperty(EXCLUDE) == null) {
            // Exemplars (trace ids on metrics) are written on timers' _count lines, which the OpenMetrics parser of
            // older Prometheus 2.x servers (Debian 12's 2.42 among them) refuse: the whole scrape fails ("does not
            // support exemplars").
            defaults.put(EXCLUDE, EXEMPLARS);
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }
}
