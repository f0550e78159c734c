package com.apexshare.gateway.signin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Who is signed in, from the issuer's ID token and user info.
 *
 * @param subject the issuer's stable id of the user
 * @param name    display name, or null
 * @param email   email address, or null
 * @param roles   the user's roles (the configured roles claim)
 */
public record SignedInUser(String subject, String name, String email, List<String> roles) {

    public SignedInUser {
        roles = List.copyOf(roles);
    }

    /**
     * @param claims     the ID token's and user info's claims
     * @param rolesClaim the claim with the roles, a dotted path for nested claims ({@code realm_access.roles}); a
     *                   string is split at spaces, an array is taken element by element
     */
    public static SignedInUser from(Map<String, Object> claims, String rolesClaim) {
        return new SignedInUser(String.valueOf(claims.get("sub")), text(claims.get("name")),
                text(claims.get("email")), roles(claims, rolesClaim));
    }

    private static List<String> roles(Map<String, Object> claims, String path) {
        // A claim whose own name has dots (a URL-style claim name) is taken whole; otherwise the path is walked.
        Object value = claims.get(path);
        if (value == null) {
            Object node = claims;
            for (String part : path.split("\\.")) {
                node = node instanceof Map<?, ?> map ? map.get(part) : null;
            }
            value = node;
        }
        List<String> roles = new ArrayList<>();
        if (value instanceof String s) {
            for (String role : s.trim().split("\\s+")) {
                if (!role.isEmpty()) {
                    roles.add(role);
                }
            }
        } else if (value instanceof Collection<?> c) {
            c.forEach(r -> roles.add(String.valueOf(r)));
        }
        return roles;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
