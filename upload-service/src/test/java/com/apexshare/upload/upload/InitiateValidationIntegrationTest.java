package com.apexshare.upload.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.apexshare.events.Topics;
import com.apexshare.events.UploadInitiated;
import com.apexshare.upload.UploadIntegrationTestSupport;

import tools.jackson.databind.JsonNode;

/**
 * Every bad initiate request is answered 400 with a field error naming the bad field, and leaves nothing behind: no
 * session row, no S3 multipart upload, no event.
 */
class InitiateValidationIntegrationTest extends UploadIntegrationTestSupport {

    private static final long GIB = 1024L * MIB;

    @Autowired
    JdbcTemplate jdbc;

    static Stream<Arguments> badRequests() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return Stream.of(
                // size
                bad("zero size", "fileSize", b -> b.put("fileSize", 0)),
                bad("negative size", "fileSize", b -> b.put("fileSize", -1)),
                bad("one byte over 5 GiB", "fileSize", b -> b.put("fileSize", 5 * GIB + 1)),
                bad("ten terabytes", "fileSize", b -> b.put("fileSize", 10_000_000_000_000L)),
                bad("size missing", "fileSize", b -> b.remove("fileSize")),
                bad("size as text", "fileSize", b -> b.put("fileSize", "big")),
                bad("size as numeric text", "fileSize", b -> b.put("fileSize", "1024")),
                bad("size with a fraction", "fileSize", b -> b.put("fileSize", 1.5)),
                bad("size as boolean", "fileSize", b -> b.put("fileSize", true)),
                bad("size beyond long", "fileSize", b -> b.put("fileSize", new java.math.BigInteger("99999999999999999999999"))),
                // content type
                bad("pdf", "contentType", b -> b.put("contentType", "application/pdf")),
                bad("html", "contentType", b -> b.put("contentType", "text/html")),
                bad("video with parameters", "contentType", b -> b.put("contentType", "video/mp4; codecs=avc1")),
                bad("empty content type", "contentType", b -> b.put("contentType", "")),
                bad("content type missing", "contentType", b -> b.remove("contentType")),
                bad("content type as object", "contentType", b -> b.put("contentType", Map.of("type", "video/mp4"))),
                // file name
                bad("path traversal", "fileName", b -> b.put("fileName", "../../etc/passwd")),
                bad("windows path traversal", "fileName", b -> b.put("fileName", "..\\..\\windows\\win.ini")),
                bad("dot dot", "fileName", b -> b.put("fileName", "..")),
                bad("directory part", "fileName", b -> b.put("fileName", "rides/2026/ride.mp4")),
                bad("NUL in name", "fileName", b -> b.put("fileName", "ride\u0000.mp4")),
                bad("CRLF in name", "fileName", b -> b.put("fileName", "ride\r\nX-Amz-Acl: public-read.mp4")),
                bad("bidi override in name", "fileName", b -> b.put("fileName", "ride\u202Egnp.mp4")),
                bad("blank name", "fileName", b -> b.put("fileName", "   ")),
                bad("name too long", "fileName", b -> b.put("fileName", "a".repeat(300) + ".mp4")),
                bad("name missing", "fileName", b -> b.remove("fileName")),
                bad("name as array", "fileName", b -> b.put("fileName", List.of("ride.mp4"))),
                // student email
                bad("no at sign", "studentEmail", b -> b.put("studentEmail", "not-an-email")),
                bad("no top-level domain", "studentEmail", b -> b.put("studentEmail", "alex@localhost")),
                bad("two at signs", "studentEmail", b -> b.put("studentEmail", "alex@@example.com")),
                bad("space in address", "studentEmail", b -> b.put("studentEmail", "alex rider@example.com")),
                bad("header injection", "studentEmail", b -> b.put("studentEmail", "alex@example.com\r\nBcc: x@evil.com")),
                bad("local part over 64", "studentEmail", b -> b.put("studentEmail", "a".repeat(65) + "@example.com")),
                bad("address over 254", "studentEmail", b -> b.put("studentEmail",
                        "a@" + ("b".repeat(60) + ".").repeat(5) + "com")),
                bad("empty email", "studentEmail", b -> b.put("studentEmail", "")),
                bad("email missing", "studentEmail", b -> b.remove("studentEmail")),
                bad("email as array", "studentEmail", b -> b.put("studentEmail", List.of("alex@example.com"))),
                // names and notes
                bad("empty student name", "studentName", b -> b.put("studentName", "")),
                bad("NUL in student name", "studentName", b -> b.put("studentName", "Alex\u0000Rider")),
                bad("line break in student name", "studentName", b -> b.put("studentName", "Alex\nRider")),
                bad("student name too long", "studentName", b -> b.put("studentName", "A".repeat(201))),
                bad("student name missing", "studentName", b -> b.remove("studentName")),
                bad("trainer name too long", "trainerName", b -> b.put("trainerName", "S".repeat(201))),
                bad("escape sequence in trainer name", "trainerName", b -> b.put("trainerName", "\u001b[31mSam")),
                bad("huge notes", "notes", b -> b.put("notes", "n".repeat(100_000))),
                bad("bell in notes", "notes", b -> b.put("notes", "ding\u0007")),
                bad("notes as object", "notes", b -> b.put("notes", Map.of("text", "hi"))),
                // session date
                bad("30 February", "sessionDate", b -> b.put("sessionDate", "2024-02-30")),
                bad("day-first date", "sessionDate", b -> b.put("sessionDate", "14/05/2026")),
                bad("date with time", "sessionDate", b -> b.put("sessionDate", "2026-05-14T10:00:00Z")),
                bad("year 1900", "sessionDate", b -> b.put("sessionDate", "1900-01-01")),
                bad("year 2999", "sessionDate", b -> b.put("sessionDate", "2999-01-01")),
                bad("a month ahead", "sessionDate", b -> b.put("sessionDate", today.plusDays(30).toString())),
                bad("date as number", "sessionDate", b -> b.put("sessionDate", 20240101)),
                bad("empty date", "sessionDate", b -> b.put("sessionDate", "")),
                bad("date missing", "sessionDate", b -> b.remove("sessionDate")));
    }

    private static Arguments bad(String name, String field, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = new LinkedHashMap<>(initiateBody("ride.mp4", 100 * MIB));
        change.accept(body);
        return Arguments.of(name, field, body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void shouldRefuseABadInitiateRequestAndLeaveNothingBehind(String name, String field, Map<String, Object> body)
            throws Exception {
        // Given the state before the request
        String token = token(newTrainer());
        long sessionsBefore = sessionCount();
        List<String> uploadsBefore = multipartUploadKeys();
        long eventsBefore = endOffsets(Topics.UPLOAD_INITIATED.name());

        // When the bad request is sent
        HttpResponse<String> response = post("/api/v1/uploads/initiate", token, body);

        // Then it is a 400 naming the bad field, and no session, S3 upload or event was created
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = error(response);
        assertThat(JSON.readTree(response.body()).path("success").asBoolean(true)).isFalse();
        assertThat(error.path("status").asInt()).isEqualTo(400);
        assertThat(error.path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.path("fields")).extracting(f -> f.path("field").asString()).contains(field);
        assertThat(error.path("fields")).allSatisfy(f -> assertThat(f.path("message").asString()).isNotBlank());
        assertThat(response.body()).doesNotContain("Exception", "at com.");
        assertThat(sessionCount()).isEqualTo(sessionsBefore);
        assertThat(multipartUploadKeys()).isEqualTo(uploadsBefore);
        assertThat(endOffsets(Topics.UPLOAD_INITIATED.name())).isEqualTo(eventsBefore);
    }

    @Test
    void shouldReportEveryBadFieldAtOnce() throws Exception {
        // Given a request with several bad fields
        Map<String, Object> body = new LinkedHashMap<>(initiateBody("../x.mp4", 0));
        body.put("studentEmail", "nope");
        body.put("contentType", "image/png");

        // When it is sent
        HttpResponse<String> response = post("/api/v1/uploads/initiate", token(newTrainer()), body);

        // Then each bad field is named
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response).path("fields")).extracting(f -> f.path("field").asString())
                .contains("fileName", "fileSize", "studentEmail", "contentType");
    }

    @Test
    void shouldTakeTheTrainerNameFromTheTokenWhenTheBodyLeavesItOut() throws Exception {
        // Given a body without trainerName, from a token with a name claim and from one without
        Map<String, Object> body = new LinkedHashMap<>(initiateBody("ride.mp4", 1024));
        body.remove("trainerName");
        String trainer = newTrainer();
        String nameless = com.apexshare.devstack.DevStack.identity().trainerToken(newTrainer(), null, null);

        // When both are sent
        HttpResponse<String> named = post("/api/v1/uploads/initiate", token(trainer), body);
        HttpResponse<String> unnamed = post("/api/v1/uploads/initiate", nameless, body);

        // Then the token's name is used, and without one the field is reported missing
        assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
        UUID fileId = UUID.fromString(data(named).path("fileId").asString());
        assertThat(events(Topics.UPLOAD_INITIATED, fileId).get(0).getTrainerName()).isEqualTo("Trainer " + trainer);
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(error(unnamed).path("fields")).extracting(f -> f.path("field").asString()).contains("trainerName");
    }

    @Test
    void shouldAcceptUnusualButValidInputAndSanitiseTheKeyName() throws Exception {
        // Given valid input at the edges: a 5 GiB file, an accented name with spaces, upper-case type, no notes
        String trainer = newTrainer();
        Map<String, Object> body = new LinkedHashMap<>(initiateBody("Ride día 1 (final) .MP4", 5 * GIB));
        body.put("contentType", "Video/QuickTime");
        body.put("studentEmail", "o'brien+rides@mail.example.co.uk");
        body.remove("notes");

        // When it is sent
        HttpResponse<String> response = post("/api/v1/uploads/initiate", token(trainer), body);

        // Then a multipart upload of at most 10,000 parts starts (its first 16 part URLs in the answer), under a
        // key-safe name, and UploadInitiated says so
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode data = data(response);
        UUID fileId = UUID.fromString(data.path("fileId").asString());
        assertThat(data.path("multipart").path("partCount").asInt()).isEqualTo(1024);
        assertThat(data.path("multipart").path("parts")).hasSize(16);
        assertThat(data.path("fields").isObject()).isTrue();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/uploads/" + fileId + "/parts");
        UploadInitiated event = events(Topics.UPLOAD_INITIATED, fileId).get(0);
        assertThat(event.getOriginalFileName()).isEqualTo("Ride día 1 (final) .MP4");
        assertThat(event.getFileName()).isEqualTo("Ride_dia_1_final_.MP4");
        assertThat(event.getObjectKey()).endsWith("/" + fileId + "-Ride_dia_1_final_.MP4");
        assertThat(event.getContentType()).isEqualTo("video/quicktime");
        assertThat(event.getNotes()).isNull();
        assertThat(event.getFileSize()).isEqualTo(5 * GIB);
        assertThat(multipartUploadKeys()).contains(event.getObjectKey());
        assertThat(jdbc.queryForObject("SELECT status FROM upload_session WHERE file_id = ?", String.class, fileId))
                .isEqualTo("IN_PROGRESS");
    }

    private long sessionCount() {
        return jdbc.queryForObject("SELECT count(*) FROM upload_session", Long.class);
    }
}
