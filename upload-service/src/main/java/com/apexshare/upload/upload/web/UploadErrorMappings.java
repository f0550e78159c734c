package com.apexshare.upload.upload.web;

import java.time.Duration;

import org.slf4j.event.Level;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import com.apexshare.platform.web.ApiErrorMapping;
import com.apexshare.platform.web.ErrorResponse;
import com.apexshare.upload.upload.InvalidUploadRequest;
import com.apexshare.upload.upload.LinksRevoked;
import com.apexshare.upload.upload.ResendLimitReached;
import com.apexshare.upload.upload.StorageUnavailable;
import com.apexshare.upload.upload.UploadAborted;
import com.apexshare.upload.upload.UploadAlreadyCompleted;
import com.apexshare.upload.upload.UploadExpired;
import com.apexshare.upload.upload.UploadIncomplete;
import com.apexshare.upload.upload.UploadNotCompleted;
import com.apexshare.upload.upload.UploadNotFound;
import com.apexshare.upload.upload.UploadRemoved;
import com.apexshare.upload.upload.UploadSizeMismatch;

/** How the upload feature's own exceptions answer; the platform's handler does the rest. */
@Configuration(proxyBeanMethods = false)
class UploadErrorMappings {

    /** Kafka's and S3's outages answer alike: try again in a few seconds. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    @Bean
    ApiErrorMapping<InvalidUploadRequest> invalidUploadRequest() {
        // No message: the platform sums the fields up ("Invalid request: a, b").
        return ApiErrorMapping.of(InvalidUploadRequest.class, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", e -> "")
                .withFields(e -> e.violations().stream()
                        .map(v -> new ErrorResponse.FieldError(v.field(), v.message())).toList());
    }

    @Bean
    ApiErrorMapping<UploadNotFound> uploadNotFound() {
        return ApiErrorMapping.of(UploadNotFound.class, HttpStatus.NOT_FOUND, "UPLOAD_NOT_FOUND", "No such upload");
    }

    @Bean
    ApiErrorMapping<UploadAborted> uploadAborted() {
        return ApiErrorMapping.of(UploadAborted.class, HttpStatus.CONFLICT, "UPLOAD_ABORTED",
                "The upload was aborted; start a new one");
    }

    @Bean
    ApiErrorMapping<UploadAlreadyCompleted> uploadAlreadyCompleted() {
        return ApiErrorMapping.of(UploadAlreadyCompleted.class, HttpStatus.CONFLICT, "UPLOAD_ALREADY_COMPLETED",
                "The upload is already completed");
    }

    @Bean
    ApiErrorMapping<UploadIncomplete> uploadIncomplete() {
        // The message tells the client what to send (it names no internals).
        return ApiErrorMapping.of(UploadIncomplete.class, HttpStatus.CONFLICT, "UPLOAD_INCOMPLETE",
                UploadIncomplete::getMessage);
    }

    @Bean
    ApiErrorMapping<UploadSizeMismatch> uploadSizeMismatch() {
        return ApiErrorMapping.of(UploadSizeMismatch.class, HttpStatus.UNPROCESSABLE_CONTENT, "SIZE_MISMATCH",
                "The uploaded file does not have the declared size; the upload was aborted").logged(Level.WARN);
    }

    @Bean
    ApiErrorMapping<UploadNotCompleted> uploadNotCompleted() {
        return ApiErrorMapping.of(UploadNotCompleted.class, HttpStatus.CONFLICT, "UPLOAD_NOT_COMPLETED",
                "The upload is not completed yet; finish or abort it first");
    }

    @Bean
    ApiErrorMapping<UploadRemoved> uploadRemoved() {
        return ApiErrorMapping.of(UploadRemoved.class, HttpStatus.CONFLICT, "UPLOAD_DELETED",
                "The upload was deleted");
    }

    @Bean
    ApiErrorMapping<UploadExpired> uploadExpired() {
        return ApiErrorMapping.of(UploadExpired.class, HttpStatus.CONFLICT, "UPLOAD_EXPIRED",
                "The upload has expired; start a new one");
    }

    @Bean
    ApiErrorMapping<LinksRevoked> linksRevoked() {
        return ApiErrorMapping.of(LinksRevoked.class, HttpStatus.CONFLICT, "LINK_REVOKED",
                "The upload's links were revoked; nothing more is sent about it");
    }

    @Bean
    ApiErrorMapping<ResendLimitReached> resendLimitReached() {
        return ApiErrorMapping.of(ResendLimitReached.class, HttpStatus.TOO_MANY_REQUESTS, "RESEND_LIMIT_REACHED",
                ResendLimitReached::getMessage).withRetryAfter(ResendLimitReached::retryAfter).logged(Level.DEBUG);
    }

    @Bean
    ApiErrorMapping<StorageUnavailable> storageUnavailable() {
        return ApiErrorMapping.of(StorageUnavailable.class, HttpStatus.SERVICE_UNAVAILABLE, "STORAGE_UNAVAILABLE",
                "The video store cannot be reached right now; try again shortly")
                .withRetryAfter(RETRY_AFTER).logged(Level.ERROR);
    }
}
