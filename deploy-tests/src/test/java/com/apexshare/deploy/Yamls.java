package com.apexshare.deploy;

import java.util.List;
import java.util.Map;

/** Dotted-path access into parsed YAML (maps and lists); a missing step gives null / an empty collection. */
final class Yamls {

    private Yamls() {
    }

    static Object get(Object root, String path) {
        Object current = root;
        for (String step : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    static String string(Object root, String path) {
        Object value = get(root, path);
        return value == null ? null : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object root, String path) {
        Object value = get(root, path);
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object root, String path) {
        Object value = get(root, path);
        return value instanceof List<?> ? (List<Map<String, Object>>) value : List.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> values(Object root, String path) {
        Object value = get(root, path);
        return value instanceof List<?> ? (List<Object>) value : List.of();
    }
}
