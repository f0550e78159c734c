package com.apexshare.notification.email.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import com.apexshare.notification.email.UploadNotFound;
import com.apexshare.platform.web.ApiErrorMapping;

/** How the email feature's own exceptions answer; everything else is the platform's central mapping. */
@Configuration(proxyBeanMethods = false)
class NotificationErrorMappings {

    /** Unknown here and another trainer's upload answer alike: nothing tells which uploads exist. */
    @Bean
    ApiErrorMapping<UploadNotFound> uploadNotFound() {
        return ApiErrorMapping.of(UploadNotFound.class, HttpStatus.NOT_FOUND, "UPLOAD_NOT_FOUND",
                UploadNotFound::getMessage);
    }
}
