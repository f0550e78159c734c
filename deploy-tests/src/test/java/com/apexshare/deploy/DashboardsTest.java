package com.apexshare.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.apexshare.deploy.RenderedChart.Variant;

/**
 * The Grafana dashboards (k8s/apexshare/files/dashboards) ship as ConfigMaps the Grafana sidecar loads: one overview,
 * one per service and the gateway's, each with Prometheus queries. (The e2e module evaluates every query against a
 * real Prometheus scraping the running system.)
 */
class DashboardsTest {

    private static final Path DASHBOARDS = Repository.CHART.resolve("files/dashboards");

    @Test
    void shouldShipOneConfigMapPerDashboardWithTheSidecarLabelWhenSwitchedOn() throws IOException {
        // Given the dashboard files
        List<String> files;
        try (Stream<Path> list = Files.list(DASHBOARDS)) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }

        // When the chart renders with the production values (the default values render none)
        List<Map<String, Object>> maps = RenderedChart.of(Variant.PRODUCTION).ofKind("ConfigMap").stream()
                .filter(m -> Yamls.get(m, "metadata.labels") instanceof Map<?, ?> labels
                        && "1".equals(labels.get("grafana_dashboard")))
                .toList();
        assertThat(RenderedChart.of(Variant.DEFAULT).ofKind("ConfigMap"))
                .noneMatch(m -> Yamls.get(m, "metadata.labels") instanceof Map<?, ?> labels
                        && labels.containsKey("grafana_dashboard"));

        // Then each dashboard is in a ConfigMap of its own, byte for byte
        assertThat(files).containsExactlyInAnyOrder("overview.json", "upload-service.json", "catalog-service.json",
                "notification-service.json", "download-service.json", "gateway.json");
        assertThat(maps).hasSize(files.size());
        for (String file : files) {
            Map<String, Object> map = maps.stream().filter(m -> Yamls.map(m, "data").containsKey(file)).findFirst()
                    .orElseThrow(() -> new AssertionError("no ConfigMap holds " + file));
            assertThat(Yamls.map(map, "data").get(file)).isEqualTo(Repository.read(DASHBOARDS.resolve(file)).stripTrailing());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldQueryPrometheusInEveryPanelWithAUniqueDashboardId() {
        for (String file : List.of("overview.json", "upload-service.json", "catalog-service.json",
                "notification-service.json", "download-service.json", "gateway.json")) {
            // Given a dashboard (JSON is YAML)
            Map<String, Object> dashboard = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Repository.read(DASHBOARDS.resolve(file)));

            // Then it has a uid and title, and every panel queries the Prometheus data source
            assertThat((String) dashboard.get("uid")).as(file).startsWith("apexshare-");
            assertThat((String) dashboard.get("title")).as(file).isNotBlank();
            List<Map<String, Object>> panels = (List<Map<String, Object>>) dashboard.get("panels");
            assertThat(panels).as(file).isNotEmpty();
            for (Map<String, Object> panel : panels) {
                List<Map<String, Object>> targets = (List<Map<String, Object>>) panel.get("targets");
                assertThat(targets).as("%s: %s", file, panel.get("title")).isNotEmpty()
                        .allSatisfy(t -> assertThat((String) t.get("expr")).isNotBlank());
                assertThat(Yamls.string(panel, "datasource.type")).isEqualTo("prometheus");
            }
        }
    }
}
