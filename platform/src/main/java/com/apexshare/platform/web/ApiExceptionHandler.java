package com.apexshare.platform.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.apexshare.platform.kafka.EventsUnavailable;

import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;

/**
 * Turns every failure of a request into the brief's error body with the right status. Spring MVC's own exceptions
 * (bad JSON, wrong method, unknown path, missing parameter) go through {@link #handleExceptionInternal}; bean
 * validation and type errors become {@code VALIDATION_FAILED} with one entry per field; a service's own exceptions
 * answer as their {@link ApiErrorMapping} says; anything else is a logged 500 that tells the client nothing internal.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final String INTERNAL = "Something went wrong on our side; try again later";

    /**
     * SQLSTATEs of a connection lost under a running statement: class 08 (connection exception) and 57P01–57P03
     * (the server terminated it: administrator command, crash, not accepting connections now).
     */
    private static final java.util.Set<String> CONNECTION_LOST = java.util.Set.of("57P01", "57P02", "57P03");

    private final Map<Class<?>, ApiErrorMapping<?>> mappings = new LinkedHashMap<>();
    /** The connection lost mid-request, whatever Spring wrapped it in (a JpaSystemException, a rollback failure). */
    private final ApiErrorMapping<?> connectionLost = ApiErrorMapping.of(Exception.class,
                    HttpStatus.SERVICE_UNAVAILABLE, "DATABASE_UNAVAILABLE",
                    "The service cannot reach its database right now; try again shortly")
            .withRetryAfter(java.time.Duration.ofSeconds(5)).logged(Level.WARN);

    public ApiExceptionHandler(List<ApiErrorMapping<?>> mappings) {
        for (ApiErrorMapping<?> mapping : mappings) {
            ApiErrorMapping<?> previous = this.mappings.put(mapping.type(), mapping);
            if (previous != null) {
                throw new IllegalStateException("Two error mappings for " + mapping.type().getName());
            }
        }
        this.mappings.putIfAbsent(EventsUnavailable.class, ApiErrorMapping.of(EventsUnavailable.class,
                        HttpStatus.SERVICE_UNAVAILABLE, "EVENTS_UNAVAILABLE",
                        "The service cannot record this right now; try again shortly")
                .withRetryAfter(java.time.Duration.ofSeconds(5)).logged(Level.ERROR));
        databaseUnavailable().forEach(m -> this.mappings.putIfAbsent(m.type(), m));
    }

    /**
     * The database unreachable (refusing connections, failing over, the pool timing out) is a 503 with Retry-After,
     * like Kafka away: nothing was done, and a client retries it (the CLI retries 502/503/504/429, never a 500). Only
     * where Spring's data access classes are on the classpath.
     */
    private static List<ApiErrorMapping<?>> databaseUnavailable() {
        ClassLoader loader = ApiExceptionHandler.class.getClassLoader();
        List<ApiErrorMapping<?>> mappings = new ArrayList<>();
        for (String type : List.of("org.springframework.dao.DataAccessResourceFailureException",
                "org.springframework.dao.TransientDataAccessResourceException",
                "org.springframework.transaction.CannotCreateTransactionException")) {
            if (org.springframework.util.ClassUtils.isPresent(type, loader)) {
                mappings.add(ApiErrorMapping.of(org.springframework.util.ClassUtils.resolveClassName(type, loader)
                        .asSubclass(Throwable.class), HttpStatus.SERVICE_UNAVAILABLE, "DATABASE_UNAVAILABLE",
                        "The service cannot reach its database right now; try again shortly")
                        .withRetryAfter(java.time.Duration.ofSeconds(5)).logged(Level.WARN));
            }
        }
        return mappings;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ErrorResponse.FieldError> fields = new ArrayList<>();
        ex.getBindingResult().getFieldErrors()
                .forEach(e -> fields.add(new ErrorResponse.FieldError(e.getField(), e.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors()
                .forEach(e -> fields.add(new ErrorResponse.FieldError(e.getObjectName(), e.getDefaultMessage())));
        return invalid(fields);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ErrorResponse.FieldError> fields = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(e -> fields.add(
                new ErrorResponse.FieldError(r.getMethodParameter().getParameterName(), e.getDefaultMessage()))));
        return invalid(fields);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = json.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return invalid(List.of(new ErrorResponse.FieldError(field, "has the wrong JSON type or format")));
        }
        return body(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The request body is missing or is not valid JSON",
                List.of());
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String expected = ex.getRequiredType() == null ? "value" : switch (ex.getRequiredType().getSimpleName()) {
            case "int", "Integer", "long", "Long" -> "whole number";
            case "LocalDate" -> "date as YYYY-MM-DD";
            case "UUID" -> "UUID";
            case "Instant", "OffsetDateTime" -> "timestamp as ISO-8601";
            default -> ex.getRequiredType().getSimpleName();
        };
        return invalid(List.of(new ErrorResponse.FieldError(field, "must be a " + expected)));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        return invalid(ex.getConstraintViolations().stream()
                .map(v -> new ErrorResponse.FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .toList());
    }

    /** A service's own exceptions, by their mapping; anything unmapped is a 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> mappedOrUnexpected(Exception ex) {
        ApiErrorMapping<?> mapping = mappingOf(ex.getClass());
        if (mapping == null && lostItsConnection(ex)) {
            // The database went away under the request (its transaction is rolled back with the connection): the
            // same 503 as a database refusing connections, found in the cause, as Spring translates such failures
            // into generic types (the fault suite's PostgreSQL outage terminates open connections).
            mapping = connectionLost;
        }
        if (mapping == null) {
            LOG.error("Unhandled request failure", ex);
            return body(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", INTERNAL, List.of());
        }
        log(mapping, ex);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(mapping.status())
                .contentType(MediaType.APPLICATION_JSON);
        Duration retryAfter = mapping.retryAfterOf(ex);
        if (retryAfter != null) {
            // Whole seconds, rounded up: a client that waits exactly this long is not refused again for the rest.
            long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds)));
        }
        List<ErrorResponse.FieldError> fields = mapping.fieldsOf(ex);
        String message = mapping.messageOf(ex);
        if (message == null || message.isBlank()) {
            message = fields.isEmpty() ? mapping.code() : summary(fields);
        }
        return response.body(ErrorResponse.of(mapping.status().value(), mapping.code(), message, fields));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        String code = status == null ? "HTTP_" + statusCode.value() : status.name();
        String message = ex.getMessage() == null ? code : ex.getMessage();
        if (statusCode.is5xxServerError()) {
            LOG.error("Request failed", ex);
            message = INTERNAL;
        }
        return ResponseEntity.status(statusCode).headers(headers).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorResponse.of(statusCode.value(), code, message));
    }

    private static boolean lostItsConnection(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && (sql.getSQLState() != null
                    ? sql.getSQLState().startsWith("08") || CONNECTION_LOST.contains(sql.getSQLState())
                    : closedByThePool(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * HikariCP's "Connection is closed" (no SQLSTATE): the pool evicted the connection as broken under the request.
     * Seen when the rollback after a terminated connection fails and Spring throws that failure instead of the first.
     */
    private static boolean closedByThePool(java.sql.SQLException sql) {
        StackTraceElement[] at = sql.getStackTrace();
        return "Connection is closed".equals(sql.getMessage()) && at.length > 0
                && at[0].getClassName().startsWith("com.zaxxer.hikari.pool.ProxyConnection");
    }

    private ApiErrorMapping<?> mappingOf(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            ApiErrorMapping<?> mapping = mappings.get(c);
            if (mapping != null) {
                return mapping;
            }
        }
        return null;
    }

    private static void log(ApiErrorMapping<?> mapping, Exception ex) {
        Level level = mapping.logLevel();
        if (level == null) {
            return;
        }
        if (level == Level.ERROR) {
            LOG.error("{} answered {} {}", ex.getClass().getSimpleName(), mapping.status().value(), mapping.code(),
                    ex);
        } else {
            LOG.atLevel(level).log("{} answered {} {}: {}", ex.getClass().getSimpleName(), mapping.status().value(),
                    mapping.code(), ex.getMessage());
        }
    }

    private static ResponseEntity<Object> invalid(List<ErrorResponse.FieldError> fields) {
        return body(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", summary(fields), fields);
    }

    private static ResponseEntity<Object> body(HttpStatus status, String code, String message,
            List<ErrorResponse.FieldError> fields) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorResponse.of(status.value(), code, message, fields));
    }

    /** "Invalid request: a, b" — the fields at a glance; their messages are in {@code fields}. */
    static String summary(List<ErrorResponse.FieldError> fields) {
        if (fields.isEmpty()) {
            return "The request is not valid";
        }
        return "Invalid request: " + fields.stream().map(ErrorResponse.FieldError::field).distinct()
                .collect(Collectors.joining(", "));
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
