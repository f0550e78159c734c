package com.apexshare.cli.signin;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.apexshare.cli.api.ApexShareApi;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The OAuth 2.0 / OpenID Connect issuer as the client talks to it: its discovery document (every endpoint comes from
 * there, none is guessed), the token endpoint, device authorization, revocation, userinfo. A public client: requests
 * carry the client id and no secret. Nothing read from a token answer goes into a message or an exception.
 */
final class IssuerClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * The endpoints of the discovery document the client uses; null when the issuer does not offer one.
     *
     * @param issuer the issuer as the document names it
     */
    record Metadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI deviceAuthorizationEndpoint,
            URI revocationEndpoint, URI userinfoEndpoint) {

        boolean offersDeviceFlow() {
            return deviceAuthorizationEndpoint != null;
        }
    }

    /** Answer of the device authorization endpoint (RFC 8628 section 3.2). {@code toString} hides the device code. */
    record DeviceAuthorization(String deviceCode, String userCode, URI verificationUri, URI verificationUriComplete,
            long expiresIn, Long interval) {

        @Override
        public String toString() {
            return "DeviceAuthorization[userCode=" + userCode + ", verificationUri=" + verificationUri + ", expiresIn="
                    + expiresIn + ", interval=" + interval + "]";
        }
    }

    private final HttpClient http;
    private final Metadata metadata;

    private IssuerClient(HttpClient http, Metadata metadata) {
        this.http = http;
        this.metadata = metadata;
    }

    /**
     * Reads {@code <issuer>/.well-known/openid-configuration} and checks that it describes this issuer (OpenID Connect
     * Discovery section 4.3: a document naming another issuer is not used).
     */
    static IssuerClient discover(String issuer, HttpClient http) {
        URI document = URI.create(withoutTrailingSlash(issuer) + "/.well-known/openid-configuration");
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(document).header("Accept", "application/json")
                .GET(), issuer);
        if (response.statusCode() != 200) {
            throw new IssuerFailed(issuer + " is not an OpenID Connect issuer: " + document + " answered HTTP "
                    + response.statusCode() + " (check --issuer / APEXSHARE_ISSUER)");
        }
        JsonNode json = parse(response.body());
        if (json == null || !json.isObject()) {
            throw new IssuerFailed(document + " is not a discovery document (check --issuer / APEXSHARE_ISSUER)");
        }
        String named = text(json, "issuer");
        if (named == null || !withoutTrailingSlash(named).equals(withoutTrailingSlash(issuer))) {
            throw new IssuerFailed("the discovery document of " + issuer + " names the issuer " + named
                    + "; use exactly that as --issuer / APEXSHARE_ISSUER");
        }
        URI token = endpoint(json, "token_endpoint");
        if (token == null) {
            throw new IssuerFailed("the discovery document of " + issuer + " names no token_endpoint");
        }
        return new IssuerClient(http, new Metadata(named, endpoint(json, "authorization_endpoint"), token,
                endpoint(json, "device_authorization_endpoint"), endpoint(json, "revocation_endpoint"),
                endpoint(json, "userinfo_endpoint")));
    }

    Metadata metadata() {
        return metadata;
    }

    /** A token request (any grant); the answer's tokens, or {@link TokenRequestRefused} with the OAuth error. */
    TokenGrant token(Map<String, String> form) {
        JsonNode json = post(metadata.tokenEndpoint(), form);
        String accessToken = text(json, "access_token");
        String type = text(json, "token_type");
        if (accessToken == null) {
            throw new IssuerFailed("the token endpoint of " + metadata.issuer() + " answered without an access token");
        }
        if (type != null && !type.equalsIgnoreCase("bearer")) {
            throw new IssuerFailed("the token endpoint of " + metadata.issuer() + " issued a " + type
                    + " token; the ApexShare API takes bearer tokens");
        }
        JsonNode expiresIn = json.path("expires_in");
        return new TokenGrant(accessToken, text(json, "refresh_token"), text(json, "id_token"),
                expiresIn.isNumber() || expiresIn.isString() ? Long.valueOf(expiresIn.asLong()) : null,
                text(json, "scope"));
    }

    DeviceAuthorization deviceAuthorization(String clientId, String scope) {
        JsonNode json = post(metadata.deviceAuthorizationEndpoint(), Map.of("client_id", clientId, "scope", scope));
        String deviceCode = text(json, "device_code");
        String userCode = text(json, "user_code");
        // Some issuers (Google) say verification_url, as an early draft of RFC 8628 did.
        URI verification = endpoint(json, "verification_uri") != null ? endpoint(json, "verification_uri")
                : endpoint(json, "verification_url");
        if (deviceCode == null || userCode == null || verification == null) {
            throw new IssuerFailed("the device authorization endpoint of " + metadata.issuer()
                    + " answered without device_code, user_code or verification_uri");
        }
        JsonNode expiresIn = json.path("expires_in");
        JsonNode interval = json.path("interval");
        return new DeviceAuthorization(deviceCode, userCode, verification,
                endpoint(json, "verification_uri_complete"), expiresIn.isNumber() ? expiresIn.asLong() : 600,
                interval.isNumber() ? Long.valueOf(interval.asLong()) : null);
    }

    /**
     * Revokes a refresh token (RFC 7009) as a public client; answers null when done, else why not. The issuer answers
     * 200 also for a token it no longer knows.
     */
    String revoke(String clientId, String refreshToken) {
        if (metadata.revocationEndpoint() == null) {
            return metadata.issuer() + " offers no revocation endpoint";
        }
        HttpResponse<String> response;
        try {
            response = send(http, formRequest(metadata.revocationEndpoint(), Map.of("client_id", clientId, "token",
                    refreshToken, "token_type_hint", "refresh_token")), metadata.issuer());
        } catch (IssuerFailed e) {
            return e.getMessage();
        }
        if (response.statusCode() == 200) {
            return null;
        }
        JsonNode json = parse(response.body());
        String error = json == null ? null : text(json, "error");
        return metadata.issuer() + " refused to revoke it (HTTP " + response.statusCode()
                + (error == null ? "" : " " + error) + ")";
    }

    /** The userinfo answer for this access token, or null when the issuer has none or refuses it. */
    JsonNode userinfo(String accessToken) {
        if (metadata.userinfoEndpoint() == null) {
            return null;
        }
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(metadata.userinfoEndpoint())
                .header("Accept", "application/json").header("Authorization", "Bearer " + accessToken).GET(),
                metadata.issuer());
        JsonNode json = response.statusCode() == 200 ? parse(response.body()) : null;
        return json != null && json.isObject() ? json : null;
    }

    private JsonNode post(URI endpoint, Map<String, String> form) {
        HttpResponse<String> response = send(http, formRequest(endpoint, form), metadata.issuer());
        JsonNode json = parse(response.body());
        if (response.statusCode() == 200 && json != null && json.isObject()) {
            return json;
        }
        String error = json == null ? null : text(json, "error");
        if (error != null && response.statusCode() >= 400 && response.statusCode() < 500) {
            throw new TokenRequestRefused(response.statusCode(), error, text(json, "error_description"));
        }
        throw new IssuerFailed(endpoint + " answered HTTP " + response.statusCode()
                + (response.statusCode() == 200 ? " without JSON" : error == null ? "" : " " + error));
    }

    private static HttpRequest.Builder formRequest(URI endpoint, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(endpoint).header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request, String issuer) {
        try {
            return http.send(request.timeout(TIMEOUT).header("User-Agent", "apexshare-cli").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException | UnknownHostException e) {
            throw unreachable(issuer);
        } catch (IOException e) {
            if (e.getCause() instanceof UnresolvedAddressException || e.getCause() instanceof ConnectException) {
                throw unreachable(issuer);
            }
            throw new IssuerFailed("the connection to " + issuer + " broke off (" + e.getClass().getSimpleName()
                    + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IssuerFailed("interrupted while asking " + issuer);
        }
    }

    private static IssuerFailed unreachable(String issuer) {
        return new IssuerFailed("cannot reach the issuer " + issuer
                + ": is it running? (set --issuer or APEXSHARE_ISSUER)");
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return ApexShareApi.JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() || !value.isValueNode() || value.asString().isBlank() ? null
                : value.asString();
    }

    private static URI endpoint(JsonNode json, String field) {
        String value = text(json, field);
        if (value == null) {
            return null;
        }
        try {
            URI uri = URI.create(value);
            return uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).matches("https?") ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
