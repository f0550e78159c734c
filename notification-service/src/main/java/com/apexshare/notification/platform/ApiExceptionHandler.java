package com.apexshare.notification.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.apexshare.notification.email.UploadNotFound;

import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;

/**
 * Maps every failure to the brief's error body with the right status. Spring MVC's own exceptions (bad JSON, wrong
 * method, unknown path, missing parameter) go through {@link #handleExceptionInternal}; the service's domain
 * exceptions are mapped in their own handlers.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ErrorResponse.FieldError> fields = new ArrayList<>();
        ex.getBindingResult().getFieldErrors()
                .forEach(e -> fields.add(new ErrorResponse.FieldError(e.getField(), e.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors()
                .forEach(e -> fields.add(new ErrorResponse.FieldError(e.getObjectName(), e.getDefaultMessage())));
        return body(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", summary(fields), fields);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ErrorResponse.FieldError> fields = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(e -> fields.add(
                new ErrorResponse.FieldError(r.getMethodParameter().getParameterName(), e.getDefaultMessage()))));
        return body(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", summary(fields), fields);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = json.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            List<ErrorResponse.FieldError> fields =
                    List.of(new ErrorResponse.FieldError(field, "has the wrong JSON type or format"));
            return body(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", summary(fields), fields);
        }
        return body(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The request body is missing or is not valid JSON",
                List.of());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
        List<ErrorResponse.FieldError> fields = ex.getConstraintViolations().stream()
                .map(v -> new ErrorResponse.FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return body(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", summary(fields), fields);
    }

    @ExceptionHandler(UploadNotFound.class)
    ResponseEntity<Object> uploadNotFound(UploadNotFound ex) {
        return body(HttpStatus.NOT_FOUND, "UPLOAD_NOT_FOUND", ex.getMessage(), List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        LOG.error("Unhandled request failure", ex);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Something went wrong on our side; try again later", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        String code = status == null ? "HTTP_" + statusCode.value() : status.name();
        String message = ex.getMessage() == null ? code : ex.getMessage();
        if (statusCode.is5xxServerError()) {
            LOG.error("Request failed", ex);
            message = "Something went wrong on our side; try again later";
        }
        return ResponseEntity.status(statusCode).headers(headers).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorResponse.of(statusCode.value(), code, message));
    }

    static ResponseEntity<Object> body(HttpStatus status, String code, String message,
            List<ErrorResponse.FieldError> fields) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorResponse.of(status.value(), code, message, fields));
    }

    private static String summary(List<ErrorResponse.FieldError> fields) {
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
