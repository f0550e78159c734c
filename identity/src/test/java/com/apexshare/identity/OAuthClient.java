package com.apexshare.identity;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What an OAuth client does against the provider, over plain HTTP: PKCE, token requests, token checks. */
final class OAuthClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String issuer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    OAuthClient(String issuer) {
        this.issuer = issuer;
    }

    record Pkce(String verifier, String challenge) {

        static Pkce create() {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A token endpoint (or device authorization) answer. */
    record Answer(int status, JsonNode body) {

        String text(String field) {
            JsonNode value = body.get(field);
            return value == null || value.isNull() ? null : value.asString();
        }

        String accessToken() {
            return text("access_token");
        }

        String refreshToken() {
            return text("refresh_token");
        }

        String idToken() {
            return text("id_token");
        }

        String error() {
            return text("error");
        }
    }

    String authorizeUrl(String clientId, String redirectUri, String scope, Pkce pkce, String state) {
        StringBuilder url = new StringBuilder(issuer).append("/oauth2/authorize?response_type=code")
                .append("&client_id=").append(encode(clientId))
                .append("&redirect_uri=").append(encode(redirectUri))
                .append("&scope=").append(encode(scope))
                .append("&state=").append(encode(state));
        if (pkce != null) {
            url.append("&code_challenge=").append(pkce.challenge()).append("&code_challenge_method=S256");
        }
        return url.toString();
    }

    /** The gateway's code exchange: HTTP Basic client authentication; a null verifier leaves it out. */
    Answer exchangeAsConfidential(String clientId, String secret, String code, String redirectUri,
            String verifier) {
        List<Map.Entry<String, String>> form = new ArrayList<>(List.of(Map.entry("grant_type", "authorization_code"),
                Map.entry("code", code), Map.entry("redirect_uri", redirectUri)));
        if (verifier != null) {
            form.add(Map.entry("code_verifier", verifier));
        }
        return token(form, basic(clientId, secret));
    }

    Answer exchangeAsPublic(String clientId, String code, String redirectUri, String verifier) {
        List<Map.Entry<String, String>> form = new ArrayList<>(List.of(Map.entry("grant_type", "authorization_code"),
                Map.entry("client_id", clientId), Map.entry("code", code), Map.entry("redirect_uri", redirectUri)));
        if (verifier != null) {
            form.add(Map.entry("code_verifier", verifier));
        }
        return token(form, null);
    }

    Answer refreshAsConfidential(String clientId, String secret, String refreshToken) {
        return token(List.of(Map.entry("grant_type", "refresh_token"), Map.entry("refresh_token", refreshToken)),
                basic(clientId, secret));
    }

    Answer refreshAsPublic(String clientId, String refreshToken) {
        return token(List.of(Map.entry("grant_type", "refresh_token"), Map.entry("client_id", clientId),
                Map.entry("refresh_token", refreshToken)), null);
    }

    Answer deviceAuthorization(String clientId, String scope) {
        return post("/oauth2/device_authorization", List.of(Map.entry("client_id", clientId),
                Map.entry("scope", scope)), null);
    }

    Answer pollDevice(String clientId, String deviceCode) {
        return token(List.of(Map.entry("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
                Map.entry("client_id", clientId), Map.entry("device_code", deviceCode)), null);
    }

    HttpResponse<String> get(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(issuer + path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    JsonNode json(String path) {
        return JSON.readTree(get(path, null).body());
    }

    /** Checks the token's RS256 signature against the provider's JWKS, by its kid, and returns its claims. */
    JWTClaimsSet verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                throw new AssertionError("Not RS256: " + jwt.getHeader().getAlgorithm());
            }
            JWK key = JWKSet.parse(get("/oauth2/jwks", null).body()).getKeyByKeyId(jwt.getHeader().getKeyID());
            if (key == null) {
                throw new AssertionError("kid " + jwt.getHeader().getKeyID() + " is not in the JWKS");
            }
            if (!jwt.verify(new RSASSAVerifier((RSAKey) key))) {
                throw new AssertionError("Signature does not verify");
            }
            return jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            throw new AssertionError("Not a valid JWT", e);
        }
    }

    private Answer token(List<Map.Entry<String, String>> form, String authorization) {
        return post("/oauth2/token", form, authorization);
    }

    private Answer post(String path, List<Map.Entry<String, String>> form, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(issuer + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.form(form)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = send(request);
        String body = response.body().isBlank() ? "{}" : response.body();
        return new Answer(response.statusCode(), JSON.readTree(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return Browser.send(http, request);
    }

    private static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
