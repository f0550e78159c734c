package com.apexshare.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * ApexShare's one public entry point. The platform's JWT resource-server set-up is left out on purpose: the gateway
 * validates no bearer token itself (the services do), it signs browsers in as an OIDC client and keeps their sessions.
 */
@SpringBootApplication(excludeName = "com.apexshare.platform.security.SecurityAutoConfiguration")
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
