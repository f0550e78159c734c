package com.apexshare.upload.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import com.apexshare.upload.EventsUnavailable;
import com.apexshare.upload.InvalidUploadRequest;

class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void shouldAnswerEventsUnavailableWith503AndRetryAfter() {
        // Given Kafka's refusal
        EventsUnavailable refused = new EventsUnavailable("apexshare.upload-initiated.v1",
                new org.apache.kafka.common.errors.TimeoutException("Topic not present in metadata"));

        // When it is mapped
        ResponseEntity<Object> response = handler.eventsUnavailable(refused);

        // Then the brief's error body with 503 EVENTS_UNAVAILABLE, no internals
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        ErrorResponse body = (ErrorResponse) response.getBody();
        assertThat(body.success()).isFalse();
        assertThat(body.error().code()).isEqualTo("EVENTS_UNAVAILABLE");
        assertThat(body.error().message()).doesNotContain("Topic", "Exception");
    }

    @Test
    void shouldListEveryViolationAsAFieldError() {
        // Given / When
        ResponseEntity<Object> response = handler.invalidRequest(InvalidUploadRequest.of("parts", "must list all parts"));

        // Then
        ErrorResponse body = (ErrorResponse) response.getBody();
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(body.error().fields()).containsExactly(new ErrorResponse.FieldError("parts", "must list all parts"));
    }
}
