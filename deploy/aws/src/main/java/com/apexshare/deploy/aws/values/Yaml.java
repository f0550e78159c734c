package com.apexshare.deploy.aws.values;

import java.util.Map;

/** Block-style YAML for nested maps of strings, booleans, numbers and nulls; strings always double-quoted. */
final class Yaml {

    private Yaml() {
    }

    @SuppressWarnings("unchecked")
    static void write(StringBuilder out, Map<String, Object> map, int indent) {
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            out.append("  ".repeat(indent)).append(key(entry.getKey())).append(':');
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
                out.append('\n');
                write(out, (Map<String, Object>) nested, indent + 1);
            } else if (value instanceof Map<?, ?>) {
                out.append(" {}\n");
            } else {
                out.append(' ').append(scalar(value)).append('\n');
            }
        }
    }

    private static String key(String key) {
        return key.matches("[A-Za-z0-9_.\\-/]+") ? key : quote(key);
    }

    private static String scalar(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean || value instanceof Number) {
            return value.toString();
        }
        return quote(value.toString());
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\x%02x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
