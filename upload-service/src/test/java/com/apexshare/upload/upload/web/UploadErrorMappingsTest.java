package com.apexshare.upload.upload.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.apexshare.platform.kafka.EventsUnavailable;
import com.apexshare.platform.web.ApiExceptionHandler;
import com.apexshare.upload.upload.InvalidUploadRequest;
import com.apexshare.upload.upload.StorageUnavailable;
import com.apexshare.upload.upload.UploadAborted;
import com.apexshare.upload.upload.UploadAlreadyCompleted;
import com.apexshare.upload.upload.UploadIncomplete;
import com.apexshare.upload.upload.UploadNotFound;
import com.apexshare.upload.upload.UploadSizeMismatch;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The upload feature's exceptions answer as they always did: status, code, message, fields and {@code Retry-After},
 * through the platform's handler with this feature's mappings (no Spring context: a controller that throws).
 */
class UploadErrorMappingsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID FILE_ID = UUID.fromString("8d55de8b-59a6-47a7-99bf-0625755398b7");

    private final UploadErrorMappings mappings = new UploadErrorMappings();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Throwing())
            .setControllerAdvice(new ApiExceptionHandler(List.of(mappings.invalidUploadRequest(),
                    mappings.uploadNotFound(), mappings.uploadAborted(), mappings.uploadAlreadyCompleted(),
                    mappings.uploadIncomplete(), mappings.uploadSizeMismatch(), mappings.storageUnavailable())))
            .build();

    @Test
    void shouldAnswerEventsUnavailableWith503AndRetryAfter() throws Exception {
        // Given Kafka's refusal
        // When it reaches the handler
        MvcResult result = call("events");

        // Then the brief's error body with 503 EVENTS_UNAVAILABLE, no internals
        assertThat(result.getResponse().getStatus()).isEqualTo(503);
        assertThat(result.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        JsonNode body = body(result);
        assertThat(body.path("success").asBoolean(true)).isFalse();
        assertThat(body.path("error").path("code").asString()).isEqualTo("EVENTS_UNAVAILABLE");
        assertThat(body.path("error").path("message").asString()).doesNotContain("Topic", "Exception");
    }

    @Test
    void shouldListEveryViolationAsAFieldError() throws Exception {
        // Given / When
        MvcResult result = call("invalid");

        // Then
        JsonNode error = body(result).path("error");
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(error.path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.path("message").asString()).isEqualTo("Invalid request: parts");
        assertThat(error.path("fields")).hasSize(1);
        assertThat(error.path("fields").get(0).path("field").asString()).isEqualTo("parts");
        assertThat(error.path("fields").get(0).path("message").asString()).isEqualTo("must list all parts");
    }

    @Test
    void shouldAnswerEachUploadFactWithItsStatusAndCode() throws Exception {
        // Given / When / Then
        assertError(call("not-found"), 404, "UPLOAD_NOT_FOUND", "No such upload");
        assertError(call("aborted"), 409, "UPLOAD_ABORTED", "The upload was aborted; start a new one");
        assertError(call("completed"), 409, "UPLOAD_ALREADY_COMPLETED", "The upload is already completed");
        assertError(call("incomplete"), 409, "UPLOAD_INCOMPLETE", "The file is not in S3 yet: PUT it first");
        assertError(call("size"), 422, "SIZE_MISMATCH",
                "The uploaded file does not have the declared size; the upload was aborted");
        MvcResult storage = call("storage");
        assertError(storage, 503, "STORAGE_UNAVAILABLE",
                "The video store cannot be reached right now; try again shortly");
        assertThat(storage.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
    }

    private MvcResult call(String what) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/throw").param("what", what)).andReturn();
    }

    private static JsonNode body(MvcResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    private static void assertError(MvcResult result, int status, String code, String message) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        JsonNode body = body(result);
        assertThat(body.path("success").asBoolean(true)).isFalse();
        assertThat(body.path("error").path("status").asInt()).isEqualTo(status);
        assertThat(body.path("error").path("code").asString()).isEqualTo(code);
        assertThat(body.path("error").path("message").asString()).isEqualTo(message);
        assertThat(body.path("error").path("fields")).isEmpty();
    }

    @RestController
    static class Throwing {

        @PostMapping("/throw")
        String fail(@RequestParam String what) {
            Supplier<RuntimeException> failure = switch (what) {
                case "events" -> () -> new EventsUnavailable("apexshare.upload-initiated.v1",
                        new org.apache.kafka.common.errors.TimeoutException("Topic not present in metadata"));
                case "invalid" -> () -> InvalidUploadRequest.of("parts", "must list all parts");
                case "not-found" -> () -> new UploadNotFound(FILE_ID.toString());
                case "aborted" -> () -> new UploadAborted(FILE_ID);
                case "completed" -> () -> new UploadAlreadyCompleted(FILE_ID);
                case "incomplete" -> () -> new UploadIncomplete("The file is not in S3 yet: PUT it first");
                case "size" -> () -> new UploadSizeMismatch(FILE_ID, 10, 11);
                case "storage" -> () -> new StorageUnavailable("HeadObject", new IllegalStateException("down"));
                default -> () -> new IllegalArgumentException(what);
            };
            throw failure.get();
        }
    }
}
