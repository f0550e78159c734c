package com.apexshare.notification.email.ses;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.apexshare.notification.email.EmailDeliveryFailed;
import com.apexshare.notification.email.FailureReason;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

class SesFailureClassificationTest {

    @Test
    void shouldRetryThrottlingServerErrorsAndTimeouts() {
        // Given SES throttling, a 503, a timeout and a connection failure
        // When classified
        // Then all are transient
        assertThat(SesMailTransport.classify(TooManyRequestsException.builder().statusCode(429)
                .awsErrorDetails(details("TooManyRequestsException", "Maximum sending rate exceeded.")).build())
                .permanent()).isFalse();
        assertThat(SesMailTransport.classify(SesV2Exception.builder().statusCode(503)
                .awsErrorDetails(details("ServiceUnavailable", "unavailable")).build()).permanent()).isFalse();
        assertThat(SesMailTransport.classify(ApiCallTimeoutException.create(10_000)).permanent()).isFalse();
        assertThat(SesMailTransport.classify(SdkClientException.create("Connection refused")).permanent()).isFalse();
    }

    @Test
    void shouldRetryWhenTheConfigurationSetIsMissing() {
        // Given SES not knowing the configured configuration set (an operator's fix, not the email's fault)
        // When classified
        // Then it is transient
        assertThat(SesMailTransport.classify(NotFoundException.builder().statusCode(404)
                .awsErrorDetails(details("NotFoundException", "Configuration set does not exist")).build())
                .permanent()).isFalse();
    }

    @Test
    void shouldGiveUpOnRejectedMessagesUnverifiedSendersAndBadRequests() {
        // Given SES refusing the recipient, the sender domain, and a malformed request
        EmailDeliveryFailed rejected = SesMailTransport.classify(MessageRejectedException.builder().statusCode(400)
                .awsErrorDetails(details("MessageRejected", "Email address is not verified: x@y.test")).build());
        EmailDeliveryFailed content = SesMailTransport.classify(MessageRejectedException.builder().statusCode(400)
                .awsErrorDetails(details("MessageRejected", "Message contains a virus")).build());
        EmailDeliveryFailed mailFrom = SesMailTransport.classify(MailFromDomainNotVerifiedException.builder()
                .statusCode(400).awsErrorDetails(details("MailFromDomainNotVerifiedException", "not verified")).build());
        EmailDeliveryFailed badRequest = SesMailTransport.classify(BadRequestException.builder().statusCode(400)
                .awsErrorDetails(details("BadRequestException", "Illegal address")).build());

        // When classified
        // Then all are permanent, with the matching reason and no address in the detail
        assertThat(rejected.permanent()).isTrue();
        assertThat(rejected.reason()).isEqualTo(FailureReason.RECIPIENT_REJECTED);
        assertThat(rejected.getMessage()).doesNotContain("x@y.test");
        assertThat(content.reason()).isEqualTo(FailureReason.CONTENT_REJECTED);
        assertThat(mailFrom.permanent()).isTrue();
        assertThat(badRequest.permanent()).isTrue();
        assertThat(badRequest.reason()).isEqualTo(FailureReason.INVALID_RECIPIENT);
    }

    private static AwsErrorDetails details(String code, String message) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(message).build();
    }
}
