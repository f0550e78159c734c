package com.apexshare.upload.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The API description at {@code /v3/api-docs}: trainer endpoints take an OIDC bearer JWT. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer-jwt";

    @Bean
    OpenAPI uploadApi() {
        return new OpenAPI()
                .info(new Info().title("ApexShare upload-service").version("v1")
                        .description("Direct-to-S3 resumable uploads of training videos. Every answer is "
                                + "{\"success\": true, \"data\": …} or {\"success\": false, \"error\": {status, code, "
                                + "message, fields}}."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }
}
