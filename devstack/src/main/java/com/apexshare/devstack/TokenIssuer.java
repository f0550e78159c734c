package com.apexshare.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A development OIDC token issuer: serves its discovery document and JWKS over HTTP, and mints RS256 trainer tokens.
 * Tests use it to reach the services exactly as production does (signature, issuer, audience, expiry are all checked
 * by the services); the local run hands out tokens from {@code GET /token}. Never for production.
 */
public final class TokenIssuer implements AutoCloseable {

    public static final String AUDIENCE = "apexshare-api";

    /** Claim and value of the trainer role, as the services require it by default. */
    public static final String ROLES_CLAIM = "roles";
    public static final String TRAINER_ROLE = "trainer";

    private final HttpServer server;
    private final RSAKey key;
    private final String issuer;

    private TokenIssuer(HttpServer server, RSAKey key) {
        this.server = server;
        this.key = key;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/issuer";
    }

    /** @param port HTTP port, 0 for a free one */
    public static TokenIssuer start(int port) {
        return start(port, null);
    }

    /**
     * @param port    HTTP port, 0 for a free one
     * @param keyFile where the signing key is kept across restarts (the local run, so that printed tokens stay valid),
     *                or null for a fresh key
     */
    public static TokenIssuer start(int port, Path keyFile) {
        try {
            RSAKey key = loadOrCreateKey(keyFile);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            TokenIssuer issuer = new TokenIssuer(server, key);
            server.createContext("/issuer/.well-known/openid-configuration", issuer::discovery);
            server.createContext("/issuer/jwks", issuer::jwks);
            server.createContext("/token", issuer::token);
            server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "devstack-token-issuer");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the token issuer", e);
        } catch (JOSEException | java.text.ParseException e) {
            throw new IllegalStateException("Cannot generate or read the issuer key", e);
        }
    }

    private static RSAKey loadOrCreateKey(Path keyFile) throws IOException, JOSEException, java.text.ParseException {
        if (keyFile != null && Files.exists(keyFile)) {
            return RSAKey.parse(Files.readString(keyFile));
        }
        RSAKey key = new RSAKeyGenerator(2048).keyID("devstack-" + UUID.randomUUID()).generate();
        if (keyFile != null) {
            Files.createDirectories(keyFile.getParent());
            Files.writeString(keyFile, key.toJSONString());
            keyFile.toFile().setReadable(false, false);
            keyFile.toFile().setReadable(true, true);
        }
        return key;
    }

    /** The {@code iss} claim and OIDC issuer URI. */
    public String issuerUri() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/jwks";
    }

    /** A valid trainer token for one hour. */
    public String trainerToken(String subject, String name, String email) {
        return mint(subject, name, email, AUDIENCE, Duration.ofHours(1));
    }

    /** A trainer's token with the given audience and lifetime (negative for an already expired one). */
    public String mint(String subject, String name, String email, String audience, Duration lifetime) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", subject);
        claims.put("aud", audience);
        claims.put("name", name);
        claims.put("email", email);
        claims.put(ROLES_CLAIM, java.util.List.of(TRAINER_ROLE));
        return mint(claims, lifetime);
    }

    /**
     * A token with exactly these claims besides the issuer's own ({@code iss}, {@code iat}, {@code nbf}, {@code exp},
     * {@code jti}), for tests that need an unusual one (no trainer role, a Cognito-style {@code client_id} instead of
     * {@code aud}, nested roles). A null value leaves the claim out.
     */
    public String mint(Map<String, Object> claims, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .issueTime(Date.from(now.minusSeconds(5)))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString());
        claims.forEach((name, value) -> {
            if (value != null) {
                builder.claim(name, value);
            }
        });
        return sign(builder.build());
    }

    private String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign token", e);
        }
        return jwt.serialize();
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String body = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwkSetUri() + "\","
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"subject_types_supported\":[\"public\"],"
                + "\"response_types_supported\":[\"token\"]}";
        respond(exchange, 200, body);
    }

    private void jwks(HttpExchange exchange) throws IOException {
        respond(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
    }

    /** {@code GET /token?sub=…&name=…&email=…}: a trainer token, for the local run only. */
    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI());
        String subject = query.getOrDefault("sub", "trainer-1");
        String token = trainerToken(subject, query.getOrDefault("name", "Demo Trainer"),
                query.getOrDefault("email", subject + "@trainers.apexshare.local"));
        respond(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
