package com.apexshare.notification.email.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.slf4j.event.Level;
import org.springframework.http.HttpStatus;

import com.apexshare.notification.email.UploadNotFound;
import com.apexshare.notification.email.sns.MalformedSnsMessage;
import com.apexshare.notification.email.sns.SnsSignatureInvalid;
import com.apexshare.notification.email.sns.SnsTopicNotAllowed;
import com.apexshare.notification.email.sns.SnsUnreachable;
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

    @Bean
    ApiErrorMapping<MalformedSnsMessage> malformedSnsMessage() {
        return ApiErrorMapping.of(MalformedSnsMessage.class, HttpStatus.BAD_REQUEST, "SNS_MESSAGE_MALFORMED",
                MalformedSnsMessage::getMessage);
    }

    /** Logged: a forged or broken message at the provider endpoint is worth an operator's look. */
    @Bean
    ApiErrorMapping<SnsSignatureInvalid> snsSignatureInvalid() {
        return ApiErrorMapping.of(SnsSignatureInvalid.class, HttpStatus.FORBIDDEN, "SNS_SIGNATURE_INVALID",
                SnsSignatureInvalid::getMessage).logged(Level.WARN);
    }

    @Bean
    ApiErrorMapping<SnsTopicNotAllowed> snsTopicNotAllowed() {
        return ApiErrorMapping.of(SnsTopicNotAllowed.class, HttpStatus.FORBIDDEN, "SNS_TOPIC_NOT_ALLOWED",
                SnsTopicNotAllowed::getMessage).logged(Level.WARN);
    }

    @Bean
    ApiErrorMapping<SnsUnreachable> snsUnreachable() {
        return ApiErrorMapping.of(SnsUnreachable.class, HttpStatus.SERVICE_UNAVAILABLE, "SNS_UNREACHABLE",
                SnsUnreachable::getMessage).logged(Level.WARN);
    }
}
