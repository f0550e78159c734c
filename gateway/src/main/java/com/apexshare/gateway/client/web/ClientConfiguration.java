package com.apexshare.gateway.client.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.apexshare.gateway.GatewayProperties;
import com.apexshare.gateway.client.ClientResolver;

@Configuration(proxyBeanMethods = false)
class ClientConfiguration {

    @Bean
    Clients clients(GatewayProperties properties) {
        return new Clients(ClientResolver.trusting(properties.trustedProxies()));
    }
}
