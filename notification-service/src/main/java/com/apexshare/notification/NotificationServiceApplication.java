package com.apexshare.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Emails each student once per completed upload and tells the trainer about the first download. */
@SpringBootApplication
@ConfigurationPropertiesScan
// The stuck-email monitor and the purge of uploads past their retention.
@EnableScheduling
public class NotificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}
