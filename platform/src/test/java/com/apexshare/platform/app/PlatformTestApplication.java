package com.apexshare.platform.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small service built on the platform the way the real four are: a trainer API, a Kafka listener feeding a
 * PostgreSQL table, and an outbox. The platform's tests run against it.
 */
@SpringBootApplication
public class PlatformTestApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlatformTestApplication.class, args);
    }
}
