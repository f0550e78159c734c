package com.apexshare.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.apexshare.deploy.RenderedChart.Variant;

/**
 * The alert rules exactly as the chart ships them: the PrometheusRule's spec is taken from the rendered chart, written
 * to a rules file and handed to Debian's {@code promtool} ({@code check rules}, and {@code test rules} with the cases
 * of {@code prometheus/apexshare-rules-test.yaml}: each alert firing and staying quiet).
 */
class AlertRulesTest {

    private static final Path WORK = Path.of("target", "alert-rules");
    private static final String RULES_TEST = "prometheus/apexshare-rules-test.yaml";

    @Test
    void shouldPassPromtoolCheckRules() throws IOException {
        // Given the rules the production values render
        Path rules = writeRenderedRules();

        // When promtool checks them
        Promtool.Result result = Promtool.run(WORK, "check", "rules", rules.getFileName().toString());
        System.out.println(result.output());

        // Then they are valid, every alert among them
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: " + alerts().size() + " rules found");
    }

    @Test
    void shouldFireAndStayQuietInEveryPromtoolTestCase() throws IOException {
        // Given the rendered rules and the rule tests next to them
        writeRenderedRules();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RULES_TEST)) {
            Files.write(WORK.resolve("apexshare-rules-test.yaml"), in.readAllBytes());
        }

        // When promtool runs the tests
        Promtool.Result result = Promtool.run(WORK, "test", "rules", "apexshare-rules-test.yaml");
        System.out.println(result.output());

        // Then every case passes
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldTestEveryAlertFiringAndStayingQuiet() throws IOException {
        // Given the rule tests
        Map<String, Object> tests;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RULES_TEST)) {
            tests = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        Set<String> firing = new HashSet<>();
        Set<String> quiet = new HashSet<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) tests.get("tests")) {
            for (Map<String, Object> test : (List<Map<String, Object>>) group.get("alert_rule_test")) {
                List<?> expected = (List<?>) test.get("exp_alerts");
                (expected == null || expected.isEmpty() ? quiet : firing).add((String) test.get("alertname"));
            }
        }

        // Then each alert the chart ships has a case where it fires and one where it stays quiet
        assertThat(firing).containsExactlyInAnyOrderElementsOf(alerts().keySet());
        assertThat(quiet).containsExactlyInAnyOrderElementsOf(alerts().keySet());
    }

    @Test
    void shouldLinkEveryAlertToARunbookSectionOfTheOperationsGuide() {
        // Given the headings of docs/operations.md as GitHub anchors
        Set<String> anchors = Repository.read(Repository.ROOT.resolve("docs/operations.md")).lines()
                .filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'))
                .collect(Collectors.toSet());

        // When each alert's runbook link is read / Then it points at a section of the guide, with a severity
        for (Map.Entry<String, Map<String, Object>> alert : alerts().entrySet()) {
            String url = Yamls.string(alert.getValue(), "annotations.runbook_url");
            assertThat(url).as(alert.getKey())
                    .startsWith("https://github.com/apexshare/apexshare/blob/main/docs/operations.md#");
            assertThat(anchors).as("%s links to %s", alert.getKey(), url).contains(url.substring(url.indexOf('#') + 1));
            assertThat(Yamls.string(alert.getValue(), "labels.severity")).as(alert.getKey()).isIn("warning", "critical");
            assertThat(Yamls.string(alert.getValue(), "annotations.summary")).as(alert.getKey()).isNotBlank();
        }
    }

    @Test
    void shouldShipThePlainRulesFileAsThePrometheusRuleOnlyWhenSwitchedOn() {
        // Given the default values (no Prometheus Operator assumed) and the production values
        // Then only production renders the PrometheusRule, labelled for its Prometheus, with the plain file's rules
        assertThat(RenderedChart.of(Variant.DEFAULT).ofKind("PrometheusRule")).isEmpty();
        Map<String, Object> rule = RenderedChart.of(Variant.PRODUCTION).ofKind("PrometheusRule").get(0);
        assertThat(Yamls.string(rule, "metadata.labels.release")).isEqualTo("kube-prometheus-stack");
        Map<String, Object> plain = new Yaml(new SafeConstructor(new LoaderOptions())).load(Repository.read(
                Repository.CHART.resolve("files/prometheus/apexshare-rules.yaml")));
        assertThat(Yamls.get(rule, "spec")).isEqualTo(plain);
        // Then another runbook location replaces the links' base
        String moved = RenderedChart.render(Repository.PRODUCTION_VALUES,
                Map.of("metrics.prometheusRule.runbookUrl", "https://wiki.example/ops"));
        assertThat(moved).contains("runbook_url: https://wiki.example/ops#consumer-lag-growing")
                .doesNotContain("blob/main/docs/operations.md");
    }

    /** The alerts the production values render, by name. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> alerts() {
        Map<String, Map<String, Object>> alerts = new LinkedHashMap<>();
        for (Map<String, Object> group : Yamls.list(spec(), "groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                if (rule.containsKey("alert")) {
                    alerts.put((String) rule.get("alert"), rule);
                }
            }
        }
        return alerts;
    }

    private static Map<String, Object> spec() {
        return Yamls.map(RenderedChart.of(Variant.PRODUCTION).ofKind("PrometheusRule").get(0), "spec");
    }

    /** The PrometheusRule's spec as a plain rules file, which is what Prometheus loads from it. */
    static Path writeRenderedRules() throws IOException {
        Files.createDirectories(WORK);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(200);
        Path file = WORK.resolve("apexshare-rules.yaml");
        Files.writeString(file, new Yaml(options).dump(spec()));
        return file;
    }
}
