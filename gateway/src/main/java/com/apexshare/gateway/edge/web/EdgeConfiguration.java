package com.apexshare.gateway.edge.web;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.apexshare.gateway.GatewayProperties;
import com.apexshare.gateway.client.web.Clients;
import com.apexshare.gateway.edge.SecurityHeaders;
import com.apexshare.platform.web.ErrorBodyWriter;

import jakarta.servlet.DispatcherType;

@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    @Bean
    SecurityHeaders securityHeaders(GatewayProperties properties,
            @Value("${spring.security.oauth2.client.provider.apexshare.issuer-uri:}") String issuer) {
        return SecurityHeaders.of(properties.headers().cspExtraOrigins(), origin(issuer),
                properties.headers().hstsMaxAge());
    }

    @Bean
    FilterRegistrationBean<AccessLogFilter> accessLogFilter(Clients clients) {
        FilterRegistrationBean<AccessLogFilter> registration = new FilterRegistrationBean<>(
                new AccessLogFilter(clients));
        registration.setOrder(EdgeFilterOrder.ACCESS_LOG);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter(SecurityHeaders headers, Clients clients) {
        FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(
                new SecurityHeadersFilter(headers, clients));
        registration.setOrder(EdgeFilterOrder.SECURITY_HEADERS);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(GatewayProperties properties, ErrorBodyWriter errors) {
        FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
                new BodyLimitFilter(properties.maxBody().toBytes(), errors));
        registration.setOrder(EdgeFilterOrder.BODY_LIMIT);
        return registration;
    }

    private static String origin(String uri) {
        if (uri == null || uri.isBlank()) {
            return null;
        }
        URI parsed = URI.create(uri.trim());
        return parsed.getScheme() + "://" + parsed.getHost() + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort());
    }
}
