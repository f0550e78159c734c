package com.apexshare.platform.web;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the error body straight to a servlet response, for the places that answer before a controller runs
 * (security entry points, filters such as rate limits).
 */
public final class ErrorBodyWriter {

    private final JsonMapper json;

    public ErrorBodyWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, HttpStatus status, String code, String message)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        json.writeValue(response.getOutputStream(), ErrorResponse.of(status.value(), code, message));
    }
}
