package com.apexshare.download.ratelimit.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.apexshare.download.DownloadProperties;
import com.apexshare.download.link.DownloadMetrics;
import com.apexshare.download.ratelimit.RateLimiter;
import com.apexshare.platform.web.ErrorBodyWriter;

/** Puts the rate limit in front of the two link endpoints only; health, metrics and API docs are not limited. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    FilterRegistrationBean<RateLimitFilter> linkRateLimit(DownloadProperties properties, ErrorBodyWriter errors,
            DownloadMetrics metrics) {
        DownloadProperties.RateLimit limit = properties.rateLimit();
        RateLimiter limiter = new RateLimiter(new RateLimiter.Settings(limit.requestsPerSecond(), limit.burst(),
                limit.maxClients(), properties.trustedProxies()), System::nanoTime);
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limiter, errors, metrics));
        registration.addUrlPatterns("/d/*", "/api/v1/downloads/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
