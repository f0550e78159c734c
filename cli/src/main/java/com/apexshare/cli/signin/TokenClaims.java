package com.apexshare.cli.signin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.apexshare.cli.api.ApexShareApi;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The claims of a JWT, read <em>without checking its signature</em>: only to show the trainer whose token the client
 * holds and when it expires. The API checks the signature; nothing here decides access. Also reads the names other
 * issuers use (Cognito's {@code username} and {@code cognito:groups}, Keycloak's {@code preferred_username} and
 * {@code realm_access.roles}).
 */
final class TokenClaims {

    private final JsonNode claims;

    private TokenClaims(JsonNode claims) {
        this.claims = claims;
    }

    /** The payload of a JWT; empty for anything else (an opaque token). */
    static Optional<TokenClaims> of(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.strip().split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            JsonNode node = ApexShareApi.JSON.readTree(new String(payload, StandardCharsets.UTF_8));
            return node != null && node.isObject() ? Optional.of(new TokenClaims(node)) : Optional.empty();
        } catch (IllegalArgumentException | JacksonException e) {
            return Optional.empty();
        }
    }

    static TokenClaims of(JsonNode userinfo) {
        return new TokenClaims(userinfo);
    }

    Optional<String> subject() {
        return text("sub");
    }

    Optional<String> name() {
        return text("name").or(() -> text("preferred_username")).or(() -> text("username"))
                .or(() -> text("cognito:username"));
    }

    Optional<String> email() {
        return text("email");
    }

    Optional<String> issuer() {
        return text("iss");
    }

    List<String> roles() {
        for (JsonNode node : List.of(claims.path("roles"), claims.path("cognito:groups"),
                claims.path("realm_access").path("roles"))) {
            if (node.isArray()) {
                List<String> roles = new ArrayList<>();
                node.forEach(role -> roles.add(role.asString()));
                return roles;
            }
            if (node.isString()) {
                return List.of(node.asString().split("[ ,]+"));
            }
        }
        return List.of();
    }

    Optional<Instant> expiresAt() {
        JsonNode exp = claims.path("exp");
        return exp.isNumber() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
    }

    /** {@code Name <email>}, or whichever of them is there, or the subject. */
    String who() {
        Optional<String> name = name();
        Optional<String> email = email();
        if (name.isPresent() && email.isPresent() && !name.get().equals(email.get())) {
            return name.get() + " <" + email.get() + ">";
        }
        return name.or(() -> email).or(this::subject).orElse("(a token without a name, email or subject)");
    }

    private Optional<String> text(String field) {
        JsonNode value = claims.get(field);
        return value == null || !value.isValueNode() || value.isNull() || value.asString().isBlank()
                ? Optional.empty() : Optional.of(value.asString());
    }
}
