package com.apexshare.platform.web;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import tools.jackson.databind.json.JsonMapper;

/** The central error mapping and the error body writer of a servlet web service. */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ApiExceptionHandler apiExceptionHandler(List<ApiErrorMapping<?>> mappings) {
        return new ApiExceptionHandler(mappings);
    }

    @Bean
    @ConditionalOnMissingBean
    ErrorBodyWriter errorBodyWriter(JsonMapper json) {
        return new ErrorBodyWriter(json);
    }
}
