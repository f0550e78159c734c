package com.apexshare.download.link.web;

import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import com.apexshare.download.link.LinkExpired;
import com.apexshare.download.link.LinkNotFound;
import com.apexshare.download.link.LinkRevoked;
import com.apexshare.download.link.VideoRemoved;
import com.apexshare.platform.web.ApiErrorMapping;
import com.apexshare.platform.web.ErrorResponse;

/**
 * How the link refusals answer. The messages are the exceptions' own, written for students; none names the token.
 * Refusals are the normal life of links (expired e-mails, guesses), so they are not logged.
 */
@Configuration(proxyBeanMethods = false)
class LinkErrorMappings {

    /** One body for malformed, unknown and unfinished links alike: nothing tells which tokens exist. */
    @Bean
    ApiErrorMapping<LinkNotFound> linkNotFound() {
        return ApiErrorMapping.of(LinkNotFound.class, HttpStatus.NOT_FOUND, "LINK_NOT_FOUND", LinkNotFound::getMessage);
    }

    @Bean
    ApiErrorMapping<LinkExpired> linkExpired() {
        return ApiErrorMapping.of(LinkExpired.class, HttpStatus.GONE, "LINK_EXPIRED", LinkExpired::getMessage);
    }

    @Bean
    ApiErrorMapping<VideoRemoved> videoRemoved() {
        return ApiErrorMapping.of(VideoRemoved.class, HttpStatus.GONE, "VIDEO_REMOVED", VideoRemoved::getMessage);
    }

    @Bean
    ApiErrorMapping<LinkRevoked> linkRevoked() {
        return ApiErrorMapping.of(LinkRevoked.class, HttpStatus.GONE, "LINK_REVOKED", LinkRevoked::getMessage);
    }

    /** One field entry per bad field of a start request. */
    @Bean
    ApiErrorMapping<InvalidStartRequest> invalidStartRequest() {
        return ApiErrorMapping.of(InvalidStartRequest.class, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                        (InvalidStartRequest e) -> "Invalid request: " + e.violations().stream()
                                .map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")))
                .withFields(e -> e.violations().stream()
                        .map(v -> new ErrorResponse.FieldError(v.field(), v.message())).toList());
    }
}
