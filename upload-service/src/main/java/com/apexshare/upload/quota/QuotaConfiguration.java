package com.apexshare.upload.quota;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.apexshare.upload.UploadProperties;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
class QuotaConfiguration {

    @Bean
    TrainerQuotas trainerQuotas(QuotaLedger ledger, UploadProperties properties, MeterRegistry meters, Clock clock) {
        return new TrainerQuotas(ledger, properties.quotas(), meters, clock);
    }
}
