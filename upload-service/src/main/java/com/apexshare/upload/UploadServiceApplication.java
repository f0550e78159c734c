package com.apexshare.upload;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Trainer-facing upload API: no video byte passes through it, only presigned S3 URLs and events. */
@SpringBootApplication
@ConfigurationPropertiesScan
// Housekeeping runs on a schedule; the platform gives the Clock, not the scheduler.
@EnableScheduling
public class UploadServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(UploadServiceApplication.class, args);
    }
}
