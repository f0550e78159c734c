package com.apexshare.gateway.webapp.web;

import static org.springframework.web.servlet.function.RequestPredicates.GET;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import com.apexshare.gateway.webapp.ClientRoutes;

/**
 * The web app from {@code classpath:/static/}. Vite writes content-hashed files under {@code assets/}: a changed
 * file has a new name, so they are cached for a year and never revalidated. Every other file, {@code index.html}
 * above all, is revalidated on each load so that a deployment shows at once.
 */
@Configuration(proxyBeanMethods = false)
class WebAppConfiguration implements WebMvcConfigurer {

    private static final String STATIC = "classpath:/static/";
    private static final Resource INDEX = new ClassPathResource("static/index.html");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**").addResourceLocations(STATIC + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/**").addResourceLocations(STATIC).setCacheControl(CacheControl.noCache());
    }

    /** {@code /} and the app's client-side routes answer with {@code index.html}; the app's router takes over. */
    @Bean
    @Order(10)
    RouterFunction<ServerResponse> webAppIndex() {
        RequestPredicate page = GET("/").or(GET("/**").and(request -> ClientRoutes.isClientRoute(request.path())));
        return RouterFunctions.route(page, request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noCache()).body(INDEX));
    }
}
