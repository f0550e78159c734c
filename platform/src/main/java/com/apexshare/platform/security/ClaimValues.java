package com.apexshare.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The values of a claim found by a dotted path ({@code realm_access.roles}): a string claim is split at spaces (OAuth
 * {@code scope}), an array claim is taken element by element. A claim whose own name contains dots is found too
 * (longest name first), so {@code https://example.com/roles} style names work.
 */
final class ClaimValues {

    private ClaimValues() {
    }

    static List<String> of(Map<String, Object> claims, String path) {
        Object value = find(claims, path);
        List<String> values = new ArrayList<>();
        if (value instanceof String text) {
            values.addAll(Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        } else if (value instanceof Collection<?> collection) {
            collection.stream().filter(v -> v != null).forEach(v -> values.add(v.toString()));
        } else if (value instanceof Object[] array) {
            Arrays.stream(array).filter(v -> v != null).forEach(v -> values.add(v.toString()));
        }
        return values;
    }

    private static Object find(Map<String, ?> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        for (int dot = path.lastIndexOf('.'); dot > 0; dot = path.lastIndexOf('.', dot - 1)) {
            Object head = claims.get(path.substring(0, dot));
            if (head instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, ?> map = (Map<String, ?>) nested;
                Object found = find(map, path.substring(dot + 1));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
