package com.apexshare.download.ratelimit;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.apexshare.download.DownloadProperties;
import com.apexshare.download.link.DownloadMetrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Puts the rate limit in front of the two link endpoints only; health, metrics and API docs are not limited. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    FilterRegistrationBean<RateLimitFilter> linkRateLimit(DownloadProperties properties, MeterRegistry metrics) {
        DownloadProperties.RateLimit limit = properties.rateLimit();
        Counter refused = Counter.builder(DownloadMetrics.REFUSED)
                .tag("reason", DownloadMetrics.Refusal.RATE_LIMITED.tag()).register(metrics);
        RateLimitFilter filter = new RateLimitFilter(ClientAddressResolver.of(properties.trustedProxies()),
                limit.requestsPerSecond(), limit.burst(), limit.maxClients(), System::nanoTime, refused);
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/d/*", "/api/v1/downloads/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
