package com.apexshare.catalog.upload.web;

import static com.apexshare.catalog.TestEvents.completed;
import static com.apexshare.catalog.TestEvents.downloaded;
import static com.apexshare.catalog.TestEvents.emailSent;
import static com.apexshare.catalog.TestEvents.initiated;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import com.apexshare.catalog.CatalogIntegrationTest;
import com.apexshare.catalog.TestEvents;
import com.apexshare.events.CompletionSource;

import tools.jackson.databind.JsonNode;

/** The trainer dashboard: the brief's shape, only the caller's uploads, keyset pages, filters, clear 400s. */
class DashboardApiIntegrationTest extends CatalogIntegrationTest {

    @Test
    void shouldAnswerRecentUploadsInTheBriefsShapeNewestFirst() {
        // Given three uploads of one trainer
        String trainer = "trainer-" + UUID.randomUUID();
        Instant t0 = TestEvents.now();
        List<String> ids = uploads(trainer, t0, 3);
        awaitApplied(publish(completed(ids.get(2), t0.plusSeconds(50), 42L, CompletionSource.CLIENT),
                emailSent(ids.get(2), t0.plusSeconds(51)),
                downloaded(ids.get(2), UUID.randomUUID().toString(), t0.plusSeconds(52))));

        // When
        JsonNode first = getJson("/api/v1/uploads/recent?limit=2&offset=0", token(trainer));
        JsonNode second = getJson("/api/v1/uploads/recent?limit=2&offset=2", token(trainer));

        // Then
        assertThat(first.path("success").asBoolean()).isTrue();
        assertThat(names(first.path("data"))).containsExactlyInAnyOrder("uploads", "pagination");
        JsonNode newest = first.path("data").path("uploads").get(0);
        assertThat(names(newest)).contains("fileId", "fileName", "studentEmail", "studentName", "sessionDate",
                "uploadDate", "fileSize", "emailSent", "downloadCount");
        assertThat(newest.path("fileId").asString()).isEqualTo(ids.get(2));
        assertThat(newest.path("fileSize").asLong()).isEqualTo(42L);
        assertThat(newest.path("emailSent").asBoolean()).isTrue();
        assertThat(newest.path("downloadCount").asLong()).isEqualTo(1);
        assertThat(first.path("data").path("uploads").get(1).path("fileId").asString()).isEqualTo(ids.get(1));
        assertThat(first.path("data").path("pagination").path("total").asLong()).isEqualTo(3);
        assertThat(first.path("data").path("pagination").path("limit").asInt()).isEqualTo(2);
        assertThat(first.path("data").path("pagination").path("offset").asInt()).isEqualTo(0);
        assertThat(first.path("data").path("pagination").path("hasMore").asBoolean()).isTrue();
        assertThat(second.path("data").path("uploads")).hasSize(1);
        assertThat(second.path("data").path("uploads").get(0).path("fileId").asString()).isEqualTo(ids.get(0));
        assertThat(second.path("data").path("pagination").path("hasMore").asBoolean()).isFalse();
    }

    @Test
    void shouldNeverShowAnotherTrainersUploads() {
        // Given
        String trainerA = "trainer-a-" + UUID.randomUUID();
        String trainerB = "trainer-b-" + UUID.randomUUID();
        Instant t0 = TestEvents.now();
        List<String> ofA = uploads(trainerA, t0, 2);
        List<String> ofB = uploads(trainerB, t0, 1);

        // When
        JsonNode recentOfA = getJson("/api/v1/uploads/recent", token(trainerA));
        JsonNode listOfA = getJson("/api/v1/uploads", token(trainerA));
        HttpResponse<String> bByA = get("/api/v1/uploads/" + ofB.get(0), token(trainerA));

        // Then
        assertThat(fileIds(recentOfA)).containsExactlyInAnyOrderElementsOf(ofA);
        assertThat(recentOfA.path("data").path("pagination").path("total").asLong()).isEqualTo(2);
        assertThat(fileIds(listOfA)).containsExactlyInAnyOrderElementsOf(ofA);
        assertThat(bByA.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(bByA.body()).path("error").path("code").asString()).isEqualTo("UPLOAD_NOT_FOUND");
        assertThat(bByA.body()).doesNotContain("student");
        assertThat(get("/api/v1/uploads/" + ofB.get(0), token(trainerB)).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldWalkEveryPageWithTheCursorNewestFirst() {
        // Given seven uploads, two of them initiated in the same millisecond
        String trainer = "trainer-" + UUID.randomUUID();
        Instant t0 = TestEvents.now();
        List<String> ids = new ArrayList<>(uploads(trainer, t0, 6));
        String twin = UUID.randomUUID().toString();
        awaitApplied(publish(initiated(twin, trainer, t0.plusSeconds(3)).build()));

        // When
        List<String> seen = new ArrayList<>();
        List<Instant> dates = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = getJson("/api/v1/uploads?limit=3" + (cursor == null ? "" : "&cursor=" + cursor),
                    token(trainer)).path("data");
            page.path("uploads").forEach(u -> {
                seen.add(u.path("fileId").asString());
                dates.add(Instant.parse(u.path("uploadDate").asString()));
            });
            cursor = page.path("page").path("hasMore").asBoolean() ? page.path("page").path("nextCursor").asString()
                    : null;
            pages++;
        } while (cursor != null && pages < 10);

        // Then
        ids.add(twin);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void shouldFilterByStudentEmailAndSessionDates() {
        // Given
        String trainer = "trainer-" + UUID.randomUUID();
        Instant t0 = TestEvents.now();
        String ann = UUID.randomUUID().toString();
        String bob = UUID.randomUUID().toString();
        String annLater = UUID.randomUUID().toString();
        awaitApplied(publish(
                initiated(ann, trainer, t0).setStudentEmail("Ann@Student.example")
                        .setSessionDate(LocalDate.of(2026, 3, 1)).build(),
                initiated(bob, trainer, t0.plusSeconds(1)).setStudentEmail("bob@student.example")
                        .setSessionDate(LocalDate.of(2026, 3, 2)).build(),
                initiated(annLater, trainer, t0.plusSeconds(2)).setStudentEmail("ann@student.example")
                        .setSessionDate(LocalDate.of(2026, 4, 1)).build()));

        // When
        JsonNode byEmail = getJson("/api/v1/uploads?studentEmail=" + encode("ANN@student.example"), token(trainer));
        JsonNode byDates = getJson("/api/v1/uploads?sessionDateFrom=2026-03-01&sessionDateTo=2026-03-31",
                token(trainer));
        JsonNode byBoth = getJson("/api/v1/uploads?studentEmail=ann@student.example&sessionDateFrom=2026-03-15",
                token(trainer));

        // Then
        assertThat(fileIds(byEmail)).containsExactly(annLater, ann);
        assertThat(fileIds(byDates)).containsExactly(bob, ann);
        assertThat(fileIds(byBoth)).containsExactly(annLater);
    }

    @Test
    void shouldRefuseBadPagingAndFilterParametersWithAClearMessage() {
        String token = token("trainer-" + UUID.randomUUID());
        record Case(String query, String field) {
        }
        List<Case> cases = List.of(
                new Case("/api/v1/uploads/recent?limit=0", "limit"),
                new Case("/api/v1/uploads/recent?limit=101", "limit"),
                new Case("/api/v1/uploads/recent?offset=-1", "offset"),
                new Case("/api/v1/uploads/recent?offset=10001", "offset"),
                new Case("/api/v1/uploads/recent?limit=ten", "limit"),
                new Case("/api/v1/uploads?limit=500", "limit"),
                new Case("/api/v1/uploads?cursor=not-a-cursor", "cursor"),
                new Case("/api/v1/uploads?sessionDateFrom=2026-13-01", "sessionDateFrom"),
                new Case("/api/v1/uploads?sessionDateFrom=2026-05-02&sessionDateTo=2026-05-01", "sessionDateFrom"),
                new Case("/api/v1/uploads?status=LOST", "status"));

        for (Case c : cases) {
            HttpResponse<String> response = get(c.query(), token);
            assertThat(response.statusCode()).as(c.query()).isEqualTo(400);
            JsonNode error = JSON.readTree(response.body()).path("error");
            assertThat(error.path("code").asString()).as(c.query()).isEqualTo("VALIDATION_FAILED");
            assertThat(error.path("fields").get(0).path("field").asString()).as(c.query()).isEqualTo(c.field());
            assertThat(error.path("message").asString()).as(c.query()).contains(c.field());
            assertThat(response.body()).as(c.query()).doesNotContain("Exception");
        }
    }

    /** Initiates {@code count} uploads one second apart and waits until they are applied; oldest first. */
    private static List<String> uploads(String trainer, Instant t0, int count) {
        List<String> ids = new ArrayList<>();
        List<SpecificRecord> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            events.add(initiated(id, trainer, t0.plusSeconds(i)).build());
        }
        awaitApplied(publish(events.toArray(SpecificRecord[]::new)));
        return ids;
    }

    private static List<String> fileIds(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.path("data").path("uploads").forEach(u -> ids.add(u.path("fileId").asString()));
        return ids;
    }

    private static Set<String> names(JsonNode node) {
        return Set.copyOf(node.propertyNames());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
