package com.apexshare.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.apexshare.events.DeletionReason;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadDeleted;
import com.apexshare.platform.PlatformIntegrationTest;
import com.apexshare.platform.Records;
import com.apexshare.platform.app.Completions;
import com.apexshare.platform.kafka.EventPublisher;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/**
 * W3C trace context on the records the platform sends, and one trace per upload: an event appended to the outbox is
 * relayed inside the trace it was appended in, and every later event of the same upload, whoever publishes it and
 * whether or not a trace is current, continues the trace of the upload's first event.
 */
class UploadTracesIntegrationTest extends PlatformIntegrationTest {

    @Autowired
    Tracer tracer;

    @Autowired
    Completions completions;

    @Autowired
    EventPublisher publisher;

    @Autowired
    UploadTraces traces;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void shouldRelayAnOutboxEventInsideTheTraceItWasAppendedIn() {
        // Given an event appended to the outbox while a request's trace is current
        UUID fileId = UUID.randomUUID();
        String traceId = inNewTrace("request", () -> completions.remove(fileId, false));

        // When the relay (its own thread, no trace of its own) publishes it
        // Then the record's traceparent is in the request's trace
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(traceparents(fileId)).singleElement().asString().startsWith("00-" + traceId + "-"));
    }

    @Test
    void shouldPublishEveryLaterEventOfAnUploadInsideTheTraceOfItsFirst() {
        // Given an upload's first event published in one trace (its initiate request)
        UUID fileId = UUID.randomUUID();
        String first = inNewTrace("initiate", () -> publisher.publish(Topics.UPLOAD_DELETED, fileId, deleted(fileId)));

        // When a later request (another trace) publishes one, and an outbox event is appended outside any trace
        String later = inNewTrace("complete", () -> publisher.publish(Topics.UPLOAD_DELETED, fileId, deleted(fileId)));
        completions.remove(fileId, false);

        // Then all three records carry the first trace's id
        assertThat(later).isNotEqualTo(first);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(traceparents(fileId)).hasSize(3)
                .allSatisfy(traceparent -> assertThat(traceparent).matches("00-" + first + "-[0-9a-f]{16}-01")));
    }

    @Test
    void shouldForgetTracesOlderThanTheRetentionAndKeepTheOthers() {
        // Given one upload's trace remembered eight days ago and another's just now
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO trace_context (event_key, traceparent, created_at) VALUES (?, ?, now() - interval "
                + "'8 days')", old, "00-" + "a".repeat(32) + "-" + "b".repeat(16) + "-01");
        traces.seen(recent, "00-" + "c".repeat(32) + "-" + "d".repeat(16) + "-01");

        // When the purge runs (the platform runs it every thousand new traces)
        int purged = ((JdbcUploadTraces) traces).purgeOlderThan(Instant.now().minus(JdbcUploadTraces.RETENTION));

        // Then only the old one is gone
        assertThat(purged).isPositive();
        assertThat(jdbc.queryForList("SELECT event_key FROM trace_context WHERE event_key IN (?, ?)", String.class,
                old, recent)).containsExactly(recent);
    }

    private String inNewTrace(String name, Runnable work) {
        Span span = tracer.nextSpan().name(name).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            work.run();
        } finally {
            span.end();
        }
        return span.context().traceId();
    }

    private static List<String> traceparents(UUID fileId) {
        return Records.withKey(Topics.UPLOAD_DELETED.name(), fileId.toString()).stream()
                .map(ConsumerRecord::headers).map(headers -> headers.lastHeader("traceparent"))
                .map(header -> header == null ? "none" : new String(((Header) header).value(), StandardCharsets.UTF_8))
                .toList();
    }

    private static UploadDeleted deleted(UUID fileId) {
        return UploadDeleted.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setFileId(fileId.toString()).setReason(DeletionReason.ABORTED).build();
    }
}
