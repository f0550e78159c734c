package com.apexshare.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.slf4j.event.Level;
import org.springframework.http.HttpStatus;

/**
 * How one of a service's exceptions answers over HTTP: status, stable code, message, field errors, an optional
 * {@code Retry-After}, and how loudly it is logged. A service declares one bean per exception it owns (usually in its
 * {@code web} package); {@link ApiExceptionHandler} picks the mapping of the closest superclass. Domain exceptions
 * stay free of HTTP.
 *
 * <pre>{@code
 * @Bean
 * ApiErrorMapping<UploadNotFound> uploadNotFound() {
 *     return ApiErrorMapping.of(UploadNotFound.class, HttpStatus.NOT_FOUND, "UPLOAD_NOT_FOUND", "No such upload");
 * }
 * }</pre>
 *
 * @param <E> the exception type
 */
public final class ApiErrorMapping<E extends Throwable> {

    private final Class<E> type;
    private final HttpStatus status;
    private final String code;
    private final Function<? super E, String> message;
    private final Function<? super E, List<ErrorResponse.FieldError>> fields;
    private final Function<? super E, Duration> retryAfter;
    private final Level logLevel;

    private ApiErrorMapping(Class<E> type, HttpStatus status, String code, Function<? super E, String> message,
            Function<? super E, List<ErrorResponse.FieldError>> fields, Function<? super E, Duration> retryAfter,
            Level logLevel) {
        this.type = Objects.requireNonNull(type, "type");
        this.status = Objects.requireNonNull(status, "status");
        this.code = Objects.requireNonNull(code, "code");
        this.message = Objects.requireNonNull(message, "message");
        this.fields = Objects.requireNonNull(fields, "fields");
        this.retryAfter = retryAfter;
        this.logLevel = logLevel;
    }

    /** A mapping with a fixed message. */
    public static <E extends Throwable> ApiErrorMapping<E> of(Class<E> type, HttpStatus status, String code,
            String message) {
        return new ApiErrorMapping<>(type, status, code, e -> message, e -> List.of(), null, null);
    }

    /** A mapping whose message comes from the exception (it must be fit for the client: no internals). */
    public static <E extends Throwable> ApiErrorMapping<E> of(Class<E> type, HttpStatus status, String code,
            Function<? super E, String> message) {
        return new ApiErrorMapping<>(type, status, code, message, e -> List.of(), null, null);
    }

    /** The same mapping, with field errors taken from the exception. */
    public ApiErrorMapping<E> withFields(Function<? super E, List<ErrorResponse.FieldError>> fieldErrors) {
        return new ApiErrorMapping<>(type, status, code, message, fieldErrors, retryAfter, logLevel);
    }

    /** The same mapping, telling the client when to try again ({@code Retry-After}, whole seconds). */
    public ApiErrorMapping<E> withRetryAfter(Duration after) {
        Objects.requireNonNull(after, "after");
        return new ApiErrorMapping<>(type, status, code, message, fields, e -> after, logLevel);
    }

    /** The same mapping, with a {@code Retry-After} the exception knows (a quota that frees up at a given time). */
    public ApiErrorMapping<E> withRetryAfter(Function<? super E, Duration> after) {
        return new ApiErrorMapping<>(type, status, code, message, fields, Objects.requireNonNull(after, "after"),
                logLevel);
    }

    /** The same mapping, logged at this level (with the exception's message; a stack trace only at ERROR). */
    public ApiErrorMapping<E> logged(Level level) {
        return new ApiErrorMapping<>(type, status, code, message, fields, retryAfter, level);
    }

    public Class<E> type() {
        return type;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    /** null: no {@code Retry-After}. */
    Duration retryAfterOf(Throwable e) {
        return retryAfter == null ? null : retryAfter.apply(type.cast(e));
    }

    Level logLevel() {
        return logLevel;
    }

    String messageOf(Throwable e) {
        return message.apply(type.cast(e));
    }

    List<ErrorResponse.FieldError> fieldsOf(Throwable e) {
        return fields.apply(type.cast(e));
    }
}
