package com.apexshare.deploy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finds credentials written into a values file: keys that name a password, secret, token or JAAS line and hold a
 * non-empty scalar. References are fine: {@code existingSecret}, {@code secretName} and the names of keys inside a
 * Secret ({@code ...Key}).
 */
final class SecretValues {

    private static final Pattern CREDENTIAL = Pattern.compile("(?i).*(password|secret|token|jaas|credential).*");
    private static final Pattern REFERENCE = Pattern.compile("(?i).*(existingsecret|secretname|key)");

    private SecretValues() {
    }

    /** Dotted path -> value of every credential-looking key with a value. */
    static Map<String, Object> find(Object values) {
        Map<String, Object> found = new TreeMap<>();
        walk("", values, found);
        return found;
    }

    private static void walk(String path, Object node, Map<String, Object> found) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                String child = path.isEmpty() ? key : path + "." + key;
                if (isScalar(v) && CREDENTIAL.matcher(key).matches() && !REFERENCE.matcher(key).matches()
                        && !String.valueOf(v).isBlank()) {
                    found.put(child, v);
                }
                walk(child, v, found);
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(path + "[" + i + "]", list.get(i), found);
            }
        }
    }

    private static boolean isScalar(Object v) {
        return v != null && !(v instanceof Map<?, ?>) && !(v instanceof List<?>);
    }
}
