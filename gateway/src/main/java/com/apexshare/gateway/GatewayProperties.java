package com.apexshare.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import com.apexshare.gateway.ratelimit.Limit;

/**
 * Settings of the gateway, under {@code apexshare.gateway}; {@code application.yaml} maps each from an environment
 * variable (see the README's configuration table).
 *
 * @param services       base URIs of the four services
 * @param trustedProxies addresses or CIDR blocks of proxies in front of the gateway whose {@code X-Forwarded-*}
 *                       headers are believed; empty: none, the socket's peer is the client
 * @param rateLimit      edge limits
 * @param maxBody        largest request body accepted (API bodies are small JSON; video bytes never pass)
 * @param headers        security headers on every answer
 * @param signin         OIDC sign-in of browsers and their session cookies
 * @param client         the HTTP client to the services
 */
@ConfigurationProperties("apexshare.gateway")
public record GatewayProperties(@DefaultValue Services services, @DefaultValue({}) List<String> trustedProxies,
        @DefaultValue RateLimit rateLimit, @DefaultValue("1MB") DataSize maxBody, @DefaultValue Headers headers,
        @DefaultValue Signin signin, @DefaultValue Client client) {

    public GatewayProperties {
        trustedProxies = trimmed(trustedProxies);
        if (maxBody.toBytes() < 1) {
            throw new IllegalArgumentException("apexshare.gateway.max-body must be positive");
        }
    }

    /**
     * @param upload       upload-service (initiate, parts, complete, abort)
     * @param catalog      catalog-service (dashboard, upload details)
     * @param notification notification-service (email status)
     * @param download     download-service (student links)
     */
    public record Services(@DefaultValue("http://127.0.0.1:8081") URI upload,
            @DefaultValue("http://127.0.0.1:8082") URI catalog,
            @DefaultValue("http://127.0.0.1:8083") URI notification,
            @DefaultValue("http://127.0.0.1:8084") URI download) {
    }

    /**
     * @param perIpRate       requests per period of one client address, on every path but the web app's static files
     * @param perIpBurst      requests one client address may send at once after a quiet spell
     * @param perTrainerRate  requests per period of one signed-in trainer (session) or bearer token, on API routes
     * @param perTrainerBurst requests one trainer may send at once
     * @param period          the period of the rates (one second: rates in requests per second)
     * @param maxKeys         most buckets kept in memory per kind (least recently used go first)
     */
    public record RateLimit(@DefaultValue("20") long perIpRate, @DefaultValue("40") long perIpBurst,
            @DefaultValue("10") long perTrainerRate, @DefaultValue("30") long perTrainerBurst,
            @DefaultValue("1s") Duration period, @DefaultValue("100000") long maxKeys) {

        public RateLimit {
            new Limit(perIpRate, period, perIpBurst);
            new Limit(perTrainerRate, period, perTrainerBurst);
            if (maxKeys < 1) {
                throw new IllegalArgumentException("apexshare.gateway.rate-limit.max-keys must be positive");
            }
        }

        public Limit perIp() {
            return limit(perIpRate, perIpBurst);
        }

        public Limit perTrainer() {
            return limit(perTrainerRate, perTrainerBurst);
        }

        private Limit limit(long rate, long burst) {
            return new Limit(rate, period, burst);
        }
    }

    /**
     * @param cspExtraOrigins origins added to {@code connect-src} and {@code media-src} of the Content Security Policy
     *                        (the S3 bucket's, for uploads and the student page's player)
     * @param hstsMaxAge      {@code Strict-Transport-Security} max-age, sent only on requests that came over TLS
     */
    public record Headers(@DefaultValue({}) List<String> cspExtraOrigins,
            @DefaultValue("365d") Duration hstsMaxAge) {

        public Headers {
            cspExtraOrigins = trimmed(cspExtraOrigins);
        }
    }

    /**
     * @param registrationId   the OIDC client registration ({@code spring.security.oauth2.client.registration.<id>})
     * @param rolesClaim       ID-token / user-info claim with the user's roles ({@code roles}, {@code cognito:groups})
     * @param secureCookies    mark the session and CSRF cookies {@code Secure} (true behind TLS, i.e. everywhere but
     *                         the local run)
     * @param postLogoutPath   where the issuer sends the browser after logout (relative to the gateway)
     */
    public record Signin(@DefaultValue("apexshare") String registrationId, @DefaultValue("roles") String rolesClaim,
            @DefaultValue("false") boolean secureCookies, @DefaultValue("/") String postLogoutPath) {
    }

    /**
     * @param connectTimeout      opening a connection to a service
     * @param readTimeout         longest wait for a service's answer (socket inactivity)
     * @param maxConnections      pooled keep-alive connections per service
     * @param idleEviction        idle pooled connections are closed after this (below the services' keep-alive
     *                            timeout, so the gateway never reuses a connection the service is closing)
     */
    public record Client(@DefaultValue("2s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout,
            @DefaultValue("200") int maxConnections, @DefaultValue("10s") Duration idleEviction) {
    }

    private static List<String> trimmed(List<String> values) {
        return values == null ? List.of()
                : values.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
