package com.apexshare.deploy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables a service's {@code application.yaml} reads, i.e. its {@code ${ENV_NAME:default}}
 * placeholders (upper-case names only: lower-case placeholders such as {@code ${spring.application.name}} refer to
 * other properties), each with its default if it has one. Defaults may hold placeholders of their own (the Kafka
 * JAAS line's {@code ${KAFKA_USERNAME:}}): those are read too.
 */
final class ServiceConfiguration {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:|})");

    private final Map<String, Optional<String>> defaults;

    private ServiceConfiguration(Map<String, Optional<String>> defaults) {
        this.defaults = Collections.unmodifiableMap(defaults);
    }

    static ServiceConfiguration parse(String applicationYaml) {
        Map<String, Optional<String>> defaults = new LinkedHashMap<>();
        for (String line : applicationYaml.split("\n")) {
            String content = stripComment(line);
            Matcher m = PLACEHOLDER.matcher(content);
            while (m.find()) {
                Optional<String> def = m.group(2).equals(":")
                        ? Optional.of(content.substring(m.end(), closingBrace(content, m.end())).trim())
                        : Optional.empty();
                // The same variable may appear several times (DB_SCHEMA); the first default is as good as any.
                defaults.putIfAbsent(m.group(1), def);
            }
        }
        return new ServiceConfiguration(defaults);
    }

    /** Every environment variable the configuration reads. */
    Set<String> reads() {
        return defaults.keySet();
    }

    boolean reads(String name) {
        return defaults.containsKey(name);
    }

    /** The default of a variable; empty if the placeholder has none (the variable must then be set). */
    Optional<String> defaultOf(String name) {
        Optional<String> d = defaults.get(name);
        if (d == null) {
            throw new IllegalArgumentException(name + " is not read by this configuration");
        }
        return d;
    }

    /** The index of the brace that closes a placeholder whose default starts at {@code from} (nesting counted). */
    private static int closingBrace(String content, int from) {
        int depth = 0;
        for (int i = from; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '{' && i > 0 && content.charAt(i - 1) == '$') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        throw new IllegalArgumentException("unclosed placeholder: " + content);
    }

    private static String stripComment(String line) {
        String trimmed = line.stripLeading();
        return trimmed.startsWith("#") ? "" : line;
    }
}
