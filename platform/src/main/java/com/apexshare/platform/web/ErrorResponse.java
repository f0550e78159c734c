package com.apexshare.platform.web;

import java.util.List;

/**
 * The brief's error body: {@code {"success": false, "error": {"status", "code", "message", "fields"}}}. Never
 * carries a stack trace.
 *
 * @param success always false
 * @param error   what went wrong
 */
public record ErrorResponse(boolean success, Error error) {

    /**
     * @param status  HTTP status
     * @param code    stable machine-readable code, e.g. {@code VALIDATION_FAILED}
     * @param message human-readable explanation
     * @param fields  one entry per invalid field; empty when the error is not about fields
     */
    public record Error(int status, String code, String message, List<FieldError> fields) {
    }

    /** An invalid field (its JSON path or parameter name) and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static ErrorResponse of(int status, String code, String message) {
        return new ErrorResponse(false, new Error(status, code, message, List.of()));
    }

    public static ErrorResponse of(int status, String code, String message, List<FieldError> fields) {
        return new ErrorResponse(false, new Error(status, code, message, List.copyOf(fields)));
    }
}
