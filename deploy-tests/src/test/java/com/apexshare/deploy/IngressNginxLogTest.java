package com.apexshare.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * k8s/ingress-nginx-values.yaml keeps students' link tokens out of ingress-nginx's access log: its nginx {@code map}s
 * (applied here with the same regular expressions, PCRE named groups of letters read the same in Java) mask the token in the
 * request line and the Referer, and the controller's log format writes the masked variables instead of the raw ones.
 */
class IngressNginxLogTest {

    private static final Map<String, Object> CONFIG = Yamls.map(new Yaml(new SafeConstructor(new LoaderOptions()))
            .load(Repository.read(Repository.INGRESS_NGINX_VALUES)), "controller.config");
    private static final String TOKEN = PublicPaths.token();

    @Test
    void shouldMaskTheLinkTokenInTheRequestLine() {
        // Given the map of the request URI
        NginxMap map = NginxMap.named("$apexshare_masked_uri");

        // When requests reach the controller / Then links lose their token, anything else stays as it came
        assertThat(map.apply("/d/" + TOKEN)).isEqualTo("/d/****");
        assertThat(map.apply("/d/" + TOKEN + "?utm_source=mail")).isEqualTo("/d/****?utm_source=mail");
        assertThat(map.apply("/api/v1/downloads/" + TOKEN)).isEqualTo("/api/v1/downloads/****");
        assertThat(map.apply("/api/v1/uploads/recent?limit=10")).isEqualTo("/api/v1/uploads/recent?limit=10");
        assertThat(map.apply("/dashboard")).isEqualTo("/dashboard");
    }

    @Test
    void shouldMaskTheLinkTokenInTheReferer() {
        // Given the map of the Referer
        NginxMap map = NginxMap.named("$apexshare_masked_referer");

        // Then a page under a link loses the token in the Referer too
        assertThat(map.apply("https://apexshare.example.com/d/" + TOKEN)).isEqualTo("https://apexshare.example.com/d/****");
        assertThat(map.apply("https://mail.example.com/inbox")).isEqualTo("https://mail.example.com/inbox");
    }

    @Test
    void shouldLogTheMaskedVariablesInsteadOfTheRawOnes() {
        // Given the controller's access log format
        String format = (String) CONFIG.get("log-format-upstream");

        // Then it writes the masked URI and Referer, never the raw request line, URI or Referer
        assertThat(format).contains("$apexshare_masked_uri").contains("$apexshare_masked_referer");
        assertThat(Pattern.compile("\\$(request|request_uri|uri|http_referer|args|query_string)(?![a-z_])")
                .matcher(format).find()).as(format).isFalse();
    }

    /** One {@code map $source $target { "~regex" "value"; default $source; }} block of the http-snippet. */
    record NginxMap(List<Pattern> patterns, List<String> values, String fallback) {

        private static final Pattern BLOCK = Pattern.compile("map \\$(\\w+) (\\$\\w+) \\{(.*?)\\n\\s*}", Pattern.DOTALL);
        private static final Pattern ENTRY = Pattern.compile("\"~([^\"]+)\"\\s+\"([^\"]*)\";");

        static NginxMap named(String target) {
            Matcher block = BLOCK.matcher((String) CONFIG.get("http-snippet"));
            while (block.find()) {
                if (block.group(2).equals(target)) {
                    List<Pattern> patterns = new ArrayList<>();
                    List<String> values = new ArrayList<>();
                    Matcher entry = ENTRY.matcher(block.group(3));
                    while (entry.find()) {
                        patterns.add(Pattern.compile(entry.group(1)));
                        values.add(entry.group(2));
                    }
                    assertThat(block.group(3)).contains("default $" + block.group(1) + ";");
                    assertThat(patterns).isNotEmpty();
                    return new NginxMap(patterns, values, block.group(1));
                }
            }
            throw new AssertionError("No map to " + target + " in the http-snippet");
        }

        /** What nginx puts in the target variable for this source value: the first matching regex's value. */
        String apply(String source) {
            for (int i = 0; i < patterns.size(); i++) {
                Matcher m = patterns.get(i).matcher(source);
                if (m.find()) {
                    // nginx's ${name} is a named capture; Java's replacement syntax is the same.
                    StringBuilder out = new StringBuilder();
                    Matcher variable = Pattern.compile("\\$\\{(\\w+)}").matcher(values.get(i));
                    while (variable.find()) {
                        variable.appendReplacement(out, Matcher.quoteReplacement(m.group(variable.group(1))));
                    }
                    variable.appendTail(out);
                    return out.toString();
                }
            }
            return source;
        }
    }
}
