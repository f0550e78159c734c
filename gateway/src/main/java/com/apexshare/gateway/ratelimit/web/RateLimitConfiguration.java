package com.apexshare.gateway.ratelimit.web;

import java.time.Duration;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.apexshare.gateway.GatewayProperties;
import com.apexshare.gateway.client.web.Clients;
import com.apexshare.gateway.edge.web.EdgeFilterOrder;
import com.apexshare.platform.web.ErrorBodyWriter;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.ProxyManager;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /**
     * Buckets in memory, per replica. A bucket is dropped once it would be full again (an idle client costs nothing)
     * and the least recently used go first beyond {@code max-keys}. A cluster-wide limit swaps this bean for one of
     * Bucket4j's shared stores (PostgreSQL, Redis); nothing else changes.
     */
    @Bean
    ProxyManager<String> rateLimitBuckets(GatewayProperties properties) {
        return Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(properties.rateLimit().maxKeys()))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(1)))
                .build();
    }

    /** The same store for Spring Cloud Gateway's own {@code Bucket4jFilterFunctions}, should a route want them. */
    @Bean
    AsyncProxyManager<String> asyncRateLimitBuckets(ProxyManager<String> buckets) {
        return buckets.asAsync();
    }

    @Bean
    EdgeLimiter edgeLimiter(ProxyManager<String> buckets) {
        return new EdgeLimiter(buckets);
    }

    @Bean
    TooManyRequests tooManyRequests(ErrorBodyWriter errors) {
        return new TooManyRequests(errors);
    }

    @Bean
    FilterRegistrationBean<PerAddressLimitFilter> perAddressLimitFilter(EdgeLimiter limiter, Clients clients,
            TooManyRequests answer, GatewayProperties properties) {
        FilterRegistrationBean<PerAddressLimitFilter> registration = new FilterRegistrationBean<>(
                new PerAddressLimitFilter(limiter, clients, answer, properties.rateLimit().perIp()));
        registration.setOrder(EdgeFilterOrder.RATE_LIMIT);
        return registration;
    }

    @Bean
    PerTrainerLimit perTrainerLimit(EdgeLimiter limiter, TooManyRequests answer, GatewayProperties properties) {
        return new PerTrainerLimit(limiter, answer, properties.rateLimit().perTrainer());
    }
}
