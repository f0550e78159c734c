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
import com.apexshare.gateway.webapp.StudentPages;

/**
 * The web app from {@code classpath:/static/}: the {@code com.apexshare:web} jar's {@code static/}. Vite writes
 * content-hashed files under {@code assets/}: a changed file has a new name, so they are cached for a year and never
 * revalidated. Every other file, {@code index.html}
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

    /**
     * A student's browser opening the emailed link gets the student page instead of the download-service's redirect.
     * Asked before the gateway's routes ({@code RoutingConfiguration} is {@code @Order(0)}); every other request for
     * {@code /d/{token}} (curl, HEAD) still reaches the download-service. {@code no-store}: the address holds the
     * token, and a cached page would hide a link that has since expired.
     */
    @Bean
    @Order(-1)
    RouterFunction<ServerResponse> studentPage() {
        RequestPredicate page = request -> StudentPages.isStudentPage(request.method().name(), request.path(),
                request.headers().header("Accept"));
        // Referrer-Policy: no-referrer is on every answer already (SecurityHeadersFilter).
        return RouterFunctions.route(page, request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noStore()).body(INDEX));
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
