package com.apexshare.upload.quota.web;

import org.slf4j.event.Level;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import com.apexshare.platform.web.ApiErrorMapping;
import com.apexshare.upload.quota.QuotaExceeded;

@Configuration(proxyBeanMethods = false)
class QuotaErrorMappings {

    @Bean
    ApiErrorMapping<QuotaExceeded> quotaExceeded() {
        // TrainerQuotas logs the refusal (with the trainer), so the handler stays quiet
        return ApiErrorMapping.of(QuotaExceeded.class, HttpStatus.TOO_MANY_REQUESTS, "QUOTA_EXCEEDED",
                QuotaExceeded::getMessage).withRetryAfter(QuotaExceeded::retryAfter).logged(Level.DEBUG);
    }
}
