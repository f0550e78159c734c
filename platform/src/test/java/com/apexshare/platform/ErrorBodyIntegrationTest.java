package com.apexshare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every failure of a request answers the brief's error body with the right status, and nothing internal. */
class ErrorBodyIntegrationTest extends PlatformIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldAnswerTheSuccessBody() {
        // Given a trainer / When they read a thing
        HttpResponse<String> response = get("/api/things/" + UUID.randomUUID(), trainerToken());

        // Then the brief's success body carries the data
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.at("/data/owner").asString()).isEqualTo("trainer-7");
    }

    @Test
    void shouldMapAServicesOwnExceptionAsItsMappingSays() {
        // When the domain says the thing does not exist
        HttpResponse<String> response = get("/api/things/00000000-0000-0000-0000-00000000000a", trainerToken());

        // Then the mapping's status, code and message answer
        assertThat(assertError(response, 404, "THING_NOT_FOUND").get("message").asString())
                .isEqualTo("No such thing");
    }

    @Test
    void shouldCarryFieldErrorsAndRetryAfterOfAMapping() {
        // When the domain refuses with field reasons
        HttpResponse<String> response = post("/api/things", "{\"name\":\"refused\",\"size\":1}", trainerToken());

        // Then the fields, a summary message and Retry-After answer
        JsonNode error = assertError(response, 409, "THING_REFUSED");
        assertThat(error.at("/fields/0/field").asString()).isEqualTo("name");
        assertThat(error.at("/fields/0/message").asString()).isEqualTo("is taken");
        assertThat(error.get("message").asString()).isEqualTo("Invalid request: name");
        assertThat(response.headers().firstValue("Retry-After")).contains("30");
    }

    @Test
    void shouldNameEveryInvalidFieldOfABody() {
        // When a body breaks two constraints
        HttpResponse<String> response = post("/api/things", "{\"name\":\" \",\"size\":0}", trainerToken());

        // Then both fields are named
        JsonNode error = assertError(response, 400, "VALIDATION_FAILED");
        assertThat(error.get("fields").findValuesAsString("field")).containsExactlyInAnyOrder("name", "size");
    }

    @Test
    void shouldNameTheFieldOfAWrongJsonType() {
        // When a number comes as an object
        HttpResponse<String> response = post("/api/things", "{\"name\":\"a\",\"size\":{}}", trainerToken());

        // Then the field with the wrong type is named
        JsonNode error = assertError(response, 400, "VALIDATION_FAILED");
        assertThat(error.at("/fields/0/field").asString()).isEqualTo("size");
    }

    @Test
    void shouldRefuseABodyThatIsNotJson() {
        assertError(post("/api/things", "{not json", trainerToken()), 400, "MALFORMED_REQUEST");
    }

    @Test
    void shouldNameAPathOrQueryParameterOfTheWrongTypeOrRange() {
        // When the id is not a UUID, and a limit is too large or not a number
        // Then each parameter is named with what it must be
        assertThat(assertError(get("/api/things/nope", trainerToken()), 400, "VALIDATION_FAILED")
                .at("/fields/0/message").asString()).isEqualTo("must be a UUID");
        assertThat(assertError(get("/api/things?limit=x", trainerToken()), 400, "VALIDATION_FAILED")
                .at("/fields/0/field").asString()).isEqualTo("limit");
        assertThat(assertError(get("/api/things?limit=101", trainerToken()), 400, "VALIDATION_FAILED")
                .at("/fields/0/field").asString()).isEqualTo("limit");
    }

    @Test
    void shouldAnswerUnavailableWithRetryAfterWhenKafkaDoesNotAcknowledge() {
        HttpResponse<String> response = get("/api/things/busy", trainerToken());
        assertError(response, 503, "EVENTS_UNAVAILABLE");
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
    }

    @Test
    void shouldAnswerUnavailableWithRetryAfterWhenTheDatabaseCannotBeReached() {
        // When the pool gets no connection (JPA), JDBC's connection is refused, or the server terminates it mid-request
        for (String path : List.of("/api/things/database-away", "/api/things/connection-refused",
                "/api/things/connection-terminated", "/api/things/connection-evicted")) {
            HttpResponse<String> response = get(path, trainerToken());

            // Then a 503 the client retries, saying nothing internal (the fault suite's PostgreSQL outage)
            assertError(response, 503, "DATABASE_UNAVAILABLE");
            assertThat(response.headers().firstValue("Retry-After")).contains("5");
            assertThat(response.body()).doesNotContain("hunter2").doesNotContain("Hikari").doesNotContain("5432");
        }
    }

    @Test
    void shouldHideInternalsOfAnUnexpectedFailure() {
        // When something unexpected breaks
        HttpResponse<String> response = get("/api/things/boom", trainerToken());

        // Then a 500 tells nothing internal
        assertError(response, 500, "INTERNAL_ERROR");
        assertThat(response.body()).doesNotContain("hunter2").doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void shouldAnswerUnknownPathsAndWrongMethodsWithTheBody() {
        assertError(get("/api/nothing-here", trainerToken()), 404, "NOT_FOUND");
        assertError(post("/api/things/" + UUID.randomUUID(), "{}", trainerToken()), 405, "METHOD_NOT_ALLOWED");
    }

    static JsonNode assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("success").asBoolean()).isFalse();
        JsonNode error = body.get("error");
        assertThat(error.get("status").asInt()).isEqualTo(status);
        assertThat(error.get("code").asString()).isEqualTo(code);
        assertThat(error.get("message").asString()).isNotBlank();
        assertThat(error.get("fields").isArray()).isTrue();
        return error;
    }
}
