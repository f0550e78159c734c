package com.apexshare.gateway.routing.web;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.setPath;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.GET;
import static org.springframework.web.servlet.function.RequestPredicates.POST;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import com.apexshare.gateway.GatewayProperties;
import com.apexshare.gateway.client.web.Clients;
import com.apexshare.gateway.edge.web.EdgeFilterOrder;
import com.apexshare.gateway.ratelimit.web.PerTrainerLimit;
import com.apexshare.gateway.routing.Service;
import com.apexshare.gateway.signin.web.TokenRelay;
import com.apexshare.platform.web.ApiErrorMapping;
import com.apexshare.platform.web.ApiResponse;
import com.apexshare.platform.web.ErrorBodyWriter;
import com.apexshare.platform.web.ErrorResponse;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The public routes (the same contract as the Helm chart's ingress). The upload-service's specific paths come first,
 * (uploads and the trainer's actions on them), then the catalog-service's {@code /api/v1/uploads/**} and
 * {@code /api/v1/students/**}; nothing else under {@code /api/} routes.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    @Order(0)
    RouterFunction<ServerResponse> serviceRoutes(GatewayProperties properties, RouteTimer timer, TokenRelay relay,
            PerTrainerLimit perTrainer) {
        GatewayProperties.Services services = properties.services();
        return trainerApi("upload", services.upload(), timer, relay, perTrainer,
                path("/api/v1/uploads/initiate")
                        .or(path("/api/v1/uploads/{fileId}/parts"))
                        .or(path("/api/v1/uploads/{fileId}/parts/urls"))
                        .or(path("/api/v1/uploads/{fileId}/complete"))
                        .or(path("/api/v1/uploads/{fileId}/abort"))
                        // The trainer's actions on a completed upload (issue 16).
                        .or(path("/api/v1/uploads/{fileId}/resend"))
                        .or(path("/api/v1/uploads/{fileId}/student-address"))
                        .or(path("/api/v1/uploads/{fileId}/expiry"))
                        .or(path("/api/v1/uploads/{fileId}/revoke"))
                        .or(path("/api/v1/uploads/{fileId}/delete"))
                        .or(path("/api/v1/uploads/{fileId}/reminders")))
                .and(trainerApi("catalog", services.catalog(), timer, relay, perTrainer,
                        path("/api/v1/uploads").or(path("/api/v1/uploads/**"))
                                .or(path("/api/v1/students/**"))))
                .and(trainerApi("notification", services.notification(), timer, relay, perTrainer,
                        path("/api/v1/notifications").or(path("/api/v1/notifications/**"))))
                // Amazon SNS delivering SES's delivery events: no account, no token to relay, no CSRF (not a
                // browser); notification-service checks every message's SNS signature and topic itself.
                .and(route("delivery-events").route(POST("/api/v1/delivery-events/ses"), http())
                        .before(uri(services.notification())).filter(timer.timed("delivery-events")).build())
                // Students: no account, no token to relay; limited per address only.
                .and(route("download-api").route(path("/api/v1/downloads/**"), http())
                        .before(uri(services.download())).filter(timer.timed("download-api")).build())
                .and(route("download-link").route(path("/d/**"), http())
                        .before(uri(services.download())).filter(timer.timed("download-link")).build());
    }

    /** Each service's OpenAPI description at {@code /v3/api-docs/{service}}, and their index at {@code /api-docs}. */
    @Bean
    @Order(1)
    RouterFunction<ServerResponse> apiDescriptions(GatewayProperties properties, RouteTimer timer) {
        Map<Service, URI> uris = uris(properties.services());
        RouterFunction<ServerResponse> routes = RouterFunctions.route(GET("/api-docs"), request -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(ApiResponse.of(Map.of("services", Arrays.stream(Service.values())
                        .map(s -> Map.of("name", s.id(), "url", "/v3/api-docs/" + s.id())).toList()))));
        for (Service service : Service.values()) {
            String id = "api-docs-" + service.id();
            routes = routes.and(route(id).route(GET("/v3/api-docs/" + service.id()), http())
                    .before(uri(uris.get(service))).before(setPath("/v3/api-docs")).filter(timer.timed(id)).build());
        }
        return routes;
    }

    /**
     * Anything else under {@code /api/} (but the gateway's own {@code /api/v1/me}), {@code /v3/} and
     * {@code /actuator/}: 404 with the error body, never the web app. (Router functions are asked before
     * controllers.)
     */
    @Bean
    @Order(2)
    RouterFunction<ServerResponse> unroutedApi() {
        RequestPredicate gatewayOwn = path("/api/v1/me");
        return RouterFunctions.route(path("/api/**").and(gatewayOwn.negate()).or(path("/v3/**"))
                        .or(path("/actuator/**")),
                request -> ServerResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                        .header("Cache-Control", "no-store")
                        .body(ErrorResponse.of(404, "NOT_FOUND", "No service answers this path")));
    }

    private static RouterFunction<ServerResponse> trainerApi(String id, URI service, RouteTimer timer,
            TokenRelay relay, PerTrainerLimit perTrainer, RequestPredicate paths) {
        return route(id).route(paths, http()).before(uri(service))
                .filter(timer.timed(id)).filter(perTrainer).filter(relay).build();
    }

    private static Map<Service, URI> uris(GatewayProperties.Services services) {
        return Map.of(Service.UPLOAD, services.upload(), Service.CATALOG, services.catalog(), Service.NOTIFICATION,
                services.notification(), Service.DOWNLOAD, services.download());
    }

    @Bean
    RouteTimer routeTimer(MeterRegistry registry) {
        return new RouteTimer(registry);
    }

    @Bean
    ForwardedHeaders forwardedHeaders(Clients clients) {
        return new ForwardedHeaders(clients);
    }

    @Bean
    ServiceAnswerHeaders serviceAnswerHeaders() {
        return new ServiceAnswerHeaders();
    }

    @Bean
    FilterRegistrationBean<PathGuardFilter> pathGuardFilter(ErrorBodyWriter errors) {
        FilterRegistrationBean<PathGuardFilter> registration = new FilterRegistrationBean<>(
                new PathGuardFilter(errors));
        registration.setOrder(EdgeFilterOrder.PATH_GUARD);
        return registration;
    }

    /**
     * Tomcat hands encoded slashes through undecoded instead of refusing them itself, so the path guard refuses them
     * with the error body like every other non-canonical path; what Tomcat still refuses itself (a NUL, an encoded
     * backslash) answers in the error body too.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesReachThePathGuard() {
        return factory -> {
            factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                    host.setErrorReportValveClass(
                            com.apexshare.gateway.edge.web.ErrorBodyReportValve.class.getName());
                }
            });
        };
    }

    /**
     * The client to the services: Apache HttpClient 5, blocking on the request's own thread (no hand-off), a pool of
     * keep-alive HTTP/1.1 connections per service, TCP_NODELAY (HttpClient's default), idle connections closed before
     * the services' keep-alive timeout closes them, redirects passed to the client untouched.
     */
    @Bean
    ClientHttpRequestFactoryBuilder<?> serviceClient(GatewayProperties properties) {
        GatewayProperties.Client client = properties.client();
        return ClientHttpRequestFactoryBuilder.httpComponents()
                .withConnectionManagerCustomizer(pool -> pool.setMaxConnPerRoute(client.maxConnections())
                        .setMaxConnTotal(client.maxConnections() * Service.values().length))
                .withSocketConfigCustomizer(socket -> socket.setTcpNoDelay(true)
                        .setSoTimeout(Timeout.of(client.readTimeout())))
                .withConnectionConfigCustomizer(connection -> connection
                        .setConnectTimeout(Timeout.of(client.connectTimeout()))
                        .setSocketTimeout(Timeout.of(client.readTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2)))
                .withDefaultRequestConfigCustomizer(request -> request
                        .setConnectionRequestTimeout(Timeout.of(client.connectTimeout()))
                        .setRedirectsEnabled(false))
                .withHttpClientCustomizer(http -> http.evictIdleConnections(TimeValue.of(client.idleEviction()))
                        .disableAutomaticRetries());
    }

    /** A service that is down, refusing connections or not answering in time. */
    @Bean
    ApiErrorMapping<ResourceAccessException> serviceUnavailable() {
        return ApiErrorMapping.of(ResourceAccessException.class, HttpStatus.SERVICE_UNAVAILABLE,
                        "SERVICE_UNAVAILABLE", "The service behind this path is not answering; try again shortly")
                .withRetryAfter(Duration.ofSeconds(5)).logged(org.slf4j.event.Level.WARN);
    }
}
