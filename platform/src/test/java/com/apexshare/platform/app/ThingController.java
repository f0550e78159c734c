package com.apexshare.platform.app;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.apexshare.platform.kafka.EventsUnavailable;
import com.apexshare.platform.web.ApiErrorMapping;
import com.apexshare.platform.web.ApiResponse;
import com.apexshare.platform.web.ErrorResponse;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/** Endpoints that fail in every way a real service's do. */
@RestController
class ThingController {

    record NewThing(@NotBlank String name, @Positive long size) {
    }

    @GetMapping("/api/things/{id}")
    ApiResponse<Map<String, Object>> thing(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        if (id.getMostSignificantBits() == 0) {
            throw new ThingNotFound(id.toString());
        }
        return ApiResponse.of(Map.of("id", id, "owner", jwt.getSubject()));
    }

    @PostMapping("/api/things")
    ApiResponse<NewThing> create(@Valid @RequestBody NewThing thing) {
        if (thing.name().equals("refused")) {
            throw new ThingRefused(Map.of("name", "is taken"));
        }
        return ApiResponse.of(thing);
    }

    @GetMapping("/api/things")
    ApiResponse<Integer> list(@RequestParam @Max(100) int limit) {
        return ApiResponse.of(limit);
    }

    /** What JPA throws when the pool cannot get a connection: the database refuses or fails over. */
    @GetMapping("/api/things/database-away")
    ApiResponse<Void> databaseAway() {
        throw new org.springframework.transaction.CannotCreateTransactionException("Could not open JPA EntityManager",
                new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available, request "
                        + "timed out after 30000ms (password=hunter2)"));
    }

    /** What JPA throws when the server terminated the connection under a statement, and the rollback failed too. */
    @GetMapping("/api/things/connection-terminated")
    ApiResponse<Void> connectionTerminated() {
        throw new org.springframework.dao.UncategorizedDataAccessException("Unable to rollback against JDBC Connection",
                new java.sql.SQLException("FATAL: terminating connection due to administrator command", "57P01")) {
        };
    }

    /** What a failed rollback on a connection HikariCP evicted throws (the first failure is lost by Spring). */
    @GetMapping("/api/things/connection-evicted")
    ApiResponse<Void> connectionEvicted() {
        java.sql.SQLException closed = new java.sql.SQLException("Connection is closed");
        closed.setStackTrace(new StackTraceElement[] {new StackTraceElement(
                "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection", "invoke", "ProxyConnection.java", 515)});
        throw new org.springframework.dao.UncategorizedDataAccessException("Unable to rollback against JDBC Connection",
                closed) {
        };
    }

    /** What JDBC templates throw for the same. */
    @GetMapping("/api/things/connection-refused")
    ApiResponse<Void> connectionRefused() {
        throw new org.springframework.jdbc.CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new java.sql.SQLException("Connection to 127.0.0.1:5432 refused"));
    }

    @GetMapping("/api/things/busy")
    ApiResponse<Void> busy() {
        throw new EventsUnavailable("apexshare.test", new IllegalStateException("broker away"));
    }

    @GetMapping("/api/things/boom")
    ApiResponse<Void> boom() {
        throw new IllegalStateException("secret internals: password=hunter2");
    }

    @GetMapping("/api/public/ping")
    ApiResponse<String> ping() {
        return ApiResponse.of("pong");
    }

    /** The test service's own error mappings, as a real service declares them in its web adapter. */
    @Configuration(proxyBeanMethods = false)
    static class ThingErrors {

        @Bean
        ApiErrorMapping<ThingNotFound> thingNotFound() {
            return ApiErrorMapping.of(ThingNotFound.class, HttpStatus.NOT_FOUND, "THING_NOT_FOUND", "No such thing");
        }

        @Bean
        ApiErrorMapping<ThingRefused> thingRefused() {
            return ApiErrorMapping.of(ThingRefused.class, HttpStatus.CONFLICT, "THING_REFUSED", e -> "")
                    .withFields(e -> e.reasons().entrySet().stream()
                            .map(r -> new ErrorResponse.FieldError(r.getKey(), r.getValue())).toList())
                    .withRetryAfter(Duration.ofSeconds(30));
        }
    }
}
