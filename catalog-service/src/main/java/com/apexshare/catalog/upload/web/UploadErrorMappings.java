package com.apexshare.catalog.upload.web;

import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import com.apexshare.catalog.upload.InvalidQuery;
import com.apexshare.catalog.upload.StudentNotFound;
import com.apexshare.catalog.upload.UploadNotFound;
import com.apexshare.platform.web.ApiErrorMapping;
import com.apexshare.platform.web.ErrorResponse;

/** How the dashboard's own exceptions answer; everything else is mapped by the platform's central handler. */
@Configuration(proxyBeanMethods = false)
class UploadErrorMappings {

    /** Another trainer's upload answers the same as an unknown one, so that ids reveal nothing. */
    @Bean
    ApiErrorMapping<UploadNotFound> uploadNotFound() {
        return ApiErrorMapping.of(UploadNotFound.class, HttpStatus.NOT_FOUND, "UPLOAD_NOT_FOUND",
                "No such upload for this trainer");
    }

    /** One field entry per bad parameter; the message names them all with what is wrong. */
    @Bean
    ApiErrorMapping<StudentNotFound> studentNotFound() {
        return ApiErrorMapping.of(StudentNotFound.class, HttpStatus.NOT_FOUND, "STUDENT_NOT_FOUND",
                "You have no uploads for this student");
    }

    @Bean
    ApiErrorMapping<InvalidQuery> invalidQuery() {
        return ApiErrorMapping.of(InvalidQuery.class, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                        (InvalidQuery e) -> "Invalid query parameters: " + e.violations().stream()
                                .map(v -> v.parameter() + " " + v.message()).collect(Collectors.joining("; ")))
                .withFields(e -> e.violations().stream()
                        .map(v -> new ErrorResponse.FieldError(v.parameter(), v.message())).toList());
    }
}
