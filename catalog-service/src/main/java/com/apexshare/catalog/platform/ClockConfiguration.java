package com.apexshare.catalog.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Time and scheduling: one {@link Clock} for the whole service (tests substitute their own to move time without
 * sleeping), and the scheduler that runs the retention job.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
