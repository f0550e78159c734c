package com.apexshare.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.apexshare.deploy.RenderedChart.EnvSource;
import com.apexshare.deploy.RenderedChart.Variant;

/**
 * Logs and traces in the cluster: every service and the gateway log ECS JSON lines (Spring Boot's structured
 * logging, off in a local run) and trace every request; spans leave the pods only when an OTLP endpoint is given.
 */
class LogsAndTracesChartTest {

    @ParameterizedTest
    @EnumSource(names = {"DEFAULT", "PRODUCTION"})
    void shouldLogStructuredJsonAndSampleOneUploadInTenWithoutExportingByDefault(Variant variant) {
        // Given every deployment of the rendered chart
        RenderedChart chart = RenderedChart.of(variant);
        List<Map<String, EnvSource>> environments = new ArrayList<>();
        for (Service service : Service.values()) {
            environments.add(chart.environment(service));
        }
        environments.add(chart.environment(RenderedChart.gatewayName()));

        // Then each logs ECS JSON, samples one upload in ten (1.0 costs the gateway milliseconds under load), and exports
        // no span (no OTLP endpoint in these values)
        assertThat(environments).allSatisfy(env -> {
            assertThat(env.get("LOGGING_STRUCTURED_FORMAT_CONSOLE").value()).isEqualTo("ecs");
            assertThat(env.get("MANAGEMENT_TRACING_SAMPLING_PROBABILITY").value()).isEqualTo("0.1");
            assertThat(env).doesNotContainKey("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT");
        });
    }

    @Test
    void shouldExportSpansToTheConfiguredCollectorAndLogPlainLinesWhenAsked() {
        // Given an OTLP endpoint and the plain log format
        RenderedChart chart = RenderedChart.parse(RenderedChart.render((java.nio.file.Path) null, Map.of(
                "tracing.otlpEndpoint", "http://otel-collector.monitoring.svc:4318/v1/traces",
                "logging.structuredFormat", "")));

        // Then every service and the gateway export there, and log plain lines
        for (Map<String, EnvSource> env : List.of(chart.environment(Service.UPLOAD),
                chart.environment(RenderedChart.gatewayName()))) {
            assertThat(env.get("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT").value())
                    .isEqualTo("http://otel-collector.monitoring.svc:4318/v1/traces");
            assertThat(env).doesNotContainKey("LOGGING_STRUCTURED_FORMAT_CONSOLE");
        }
    }
}
