package com.apexshare.catalog.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The API description at {@code /v3/api-docs}: title, and the bearer JWT every dashboard endpoint requires. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI catalogOpenApi() {
        return new OpenAPI()
                .info(new Info().title("ApexShare catalog-service").version("v1")
                        .description("Trainer dashboard over the catalog of uploads built from the events."))
                .components(new Components().addSecuritySchemes("bearer-jwt",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }
}
