package com.apexshare.platform.openapi;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.apexshare.platform.PlatformProperties;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The API description of every service: its title and description from {@code apexshare.platform.openapi}, the
 * brief's bodies explained, and the bearer JWT scheme that trainer endpoints name in
 * {@code @SecurityRequirement(name = OpenApiAutoConfiguration.BEARER)}.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
@EnableConfigurationProperties(PlatformProperties.class)
public class OpenApiAutoConfiguration {

    /** Name of the bearer JWT security scheme. */
    public static final String BEARER = "bearer-jwt";

    private static final String BODIES = " Every answer is {\"success\": true, \"data\": …} or {\"success\": false, "
            + "\"error\": {status, code, message, fields: [{field, message}]}}.";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI apexshareOpenApi(PlatformProperties platform, @Value("${spring.application.name:service}") String name) {
        PlatformProperties.OpenApi openapi = platform.openapi();
        String title = openapi.title().isBlank() ? "ApexShare " + name : openapi.title();
        return new OpenAPI()
                .info(new Info().title(title).version("v1").description(openapi.description() + BODIES))
                .components(new Components().addSecuritySchemes(BEARER,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }
}
