package com.apexshare.catalog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** System of record of uploads, built from the events; serves the trainer dashboard and enforces retention. */
@SpringBootApplication
@ConfigurationPropertiesScan
// The retention job runs on Spring's scheduler; the platform gives the Clock, not scheduling.
@EnableScheduling
public class CatalogServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CatalogServiceApplication.class, args);
    }
}
