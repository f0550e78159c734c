package com.apexshare.catalog.upload.messaging;

import static com.apexshare.catalog.TestEvents.completed;
import static com.apexshare.catalog.TestEvents.deleted;
import static com.apexshare.catalog.TestEvents.downloaded;
import static com.apexshare.catalog.TestEvents.emailFailed;
import static com.apexshare.catalog.TestEvents.emailSent;
import static com.apexshare.catalog.TestEvents.initiated;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

import com.apexshare.catalog.CatalogIntegrationTest;
import com.apexshare.catalog.TestEvents;
import com.apexshare.catalog.TopicReader;
import com.apexshare.catalog.upload.UploadEvent;
import com.apexshare.catalog.upload.UploadLedger;
import com.apexshare.events.CompletionSource;
import com.apexshare.events.DeletionReason;
import com.apexshare.events.Downloaded;
import com.apexshare.events.EmailFailed;
import com.apexshare.events.EmailSent;
import com.apexshare.events.Topic;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadCompleted;
import com.apexshare.events.UploadDeleted;
import com.apexshare.events.UploadInitiated;
import com.apexshare.events.serde.AvroEventDeserializer;

/**
 * Rebuilding the catalog by replaying the topics from the start gives the state that was built incrementally, whether
 * the facts come one topic per poll (the listeners) or mixed in one batch (the ledger's claim-first path).
 */
class ReplayIntegrationTest extends CatalogIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UploadEventsListener listener;

    @Autowired
    UploadLedger ledger;

    @Test
    void shouldRebuildTheSameStateWhenTheTopicsAreReplayedFromTheStartInAnyOrder() {
        // Given uploads in every state, built incrementally from events with duplicates and late arrivals
        String trainer = "trainer-" + UUID.randomUUID();
        Instant t0 = TestEvents.now();
        List<String> fileIds = new ArrayList<>();
        List<RecordMetadata> sent = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            fileIds.add(UUID.randomUUID().toString());
        }
        String available = fileIds.get(0);
        String lateInitiation = fileIds.get(1);
        String aborted = fileIds.get(2);
        String expired = fileIds.get(3);
        String failedEmail = fileIds.get(4);
        String initiatedOnly = fileIds.get(5);
        Downloaded download = downloaded(available, UUID.randomUUID().toString(), t0.plusSeconds(100));
        sent.addAll(publish(
                initiated(available, trainer, t0).build(),
                completed(available, t0.plusSeconds(10), 100L, CompletionSource.CLIENT),
                completed(available, t0.plusSeconds(11), 100L, CompletionSource.S3_NOTIFICATION),
                emailSent(available, t0.plusSeconds(12)), download, download,
                downloaded(available, UUID.randomUUID().toString(), t0.plusSeconds(200)),
                completed(lateInitiation, t0.plusSeconds(20), 200L, CompletionSource.S3_NOTIFICATION),
                downloaded(lateInitiation, UUID.randomUUID().toString(), t0.plusSeconds(300)),
                initiated(aborted, trainer, t0.plusSeconds(2)).build(),
                deleted(aborted, t0.plusSeconds(40), DeletionReason.ABORTED),
                completed(aborted, t0.plusSeconds(41), 300L, CompletionSource.S3_NOTIFICATION),
                initiated(expired, trainer, t0.plusSeconds(3)).build(),
                completed(expired, t0.plusSeconds(30), 400L, CompletionSource.CLIENT),
                emailSent(expired, t0.plusSeconds(31)),
                downloaded(expired, UUID.randomUUID().toString(), t0.plusSeconds(32)),
                deleted(expired, t0.plusSeconds(50), DeletionReason.RETENTION_EXPIRED),
                initiated(failedEmail, trainer, t0.plusSeconds(4)).build(),
                completed(failedEmail, t0.plusSeconds(60), 500L, CompletionSource.CLIENT),
                emailFailed(failedEmail, t0.plusSeconds(61)),
                initiated(initiatedOnly, trainer, t0.plusSeconds(5)).build()));
        sent.addAll(publish(initiated(lateInitiation, trainer, t0.plusSeconds(1)).build()));
        awaitApplied(sent);
        Snapshot incremental = snapshot(fileIds);
        assertThat(incremental.uploads()).hasSize(6);
        assertThat(incremental.uploads().get(expired).get("student_email")).as("erased at expiry").isNull();
        assertThat(incremental.downloads()).filteredOn(d -> d.contains(" " + available + " "))
                .allMatch(d -> d.endsWith(" Firefox REDIRECT")).hasSize(2);
        assertThat(incremental.downloads()).filteredOn(d -> d.contains(" " + expired + " "))
                .as("device erased at expiry, whichever came first").singleElement().matches(d -> d.endsWith(" - -"));

        // When the catalog of these uploads is dropped and rebuilt from the topics, newest record first
        jdbc.update("DELETE FROM download WHERE file_id::text IN (" + placeholders(fileIds) + ")", fileIds.toArray());
        jdbc.update("DELETE FROM upload WHERE file_id::text IN (" + placeholders(fileIds) + ")", fileIds.toArray());
        List<ConsumerRecord<String, SpecificRecord>> records = TopicReader.readAll(
                Topics.events().stream().map(Topic::name).toList(),
                new ErrorHandlingDeserializer<>(new AvroEventDeserializer()),
                r -> Set.copyOf(fileIds).contains(r.key()));
        Collections.reverse(records);
        replayThroughTheListenersInPollsOf(3, records);
        Snapshot replayed = snapshot(fileIds);

        // and replayed once more on top, as a redelivery would, in batches that mix every kind of fact
        replayThroughTheLedgerInMixedBatchesOf(7, records);
        Snapshot replayedTwice = snapshot(fileIds);

        // Then
        assertThat(replayed).isEqualTo(incremental);
        assertThat(replayedTwice).isEqualTo(incremental);
    }

    /** Each chunk of records split into one poll per topic, in the chunk's order, as the listeners receive them. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void replayThroughTheListenersInPollsOf(int size, List<ConsumerRecord<String, SpecificRecord>> records) {
        for (int from = 0; from < records.size(); from += size) {
            Map<String, List<ConsumerRecord>> polls = new LinkedHashMap<>();
            records.subList(from, Math.min(records.size(), from + size))
                    .forEach(r -> polls.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(r));
            polls.forEach((topic, poll) -> {
                switch (topic) {
                    case Topics.Names.UPLOAD_INITIATED -> listener.onUploadInitiated((List) poll);
                    case Topics.Names.UPLOAD_COMPLETED -> listener.onUploadCompleted((List) poll);
                    case Topics.Names.UPLOAD_DELETED -> listener.onUploadDeleted((List) poll);
                    case Topics.Names.EMAIL_SENT -> listener.onEmailSent((List) poll);
                    case Topics.Names.EMAIL_FAILED -> listener.onEmailFailed((List) poll);
                    case Topics.Names.DOWNLOADED -> listener.onDownloaded((List) poll);
                    default -> throw new IllegalArgumentException(topic);
                }
            });
        }
    }

    private void replayThroughTheLedgerInMixedBatchesOf(int size,
            List<ConsumerRecord<String, SpecificRecord>> records) {
        for (int from = 0; from < records.size(); from += size) {
            ledger.apply(records.subList(from, Math.min(records.size(), from + size)).stream()
                    .map(r -> fact(r.value())).toList());
        }
    }

    private static UploadEvent fact(SpecificRecord event) {
        if (event instanceof UploadInitiated e) {
            return UploadEventMapper.initiated(e);
        } else if (event instanceof UploadCompleted e) {
            return UploadEventMapper.completed(e);
        } else if (event instanceof UploadDeleted e) {
            return UploadEventMapper.deleted(e);
        } else if (event instanceof EmailSent e) {
            return UploadEventMapper.emailSent(e);
        } else if (event instanceof EmailFailed e) {
            return UploadEventMapper.emailFailed(e);
        }
        return UploadEventMapper.downloaded((Downloaded) event);
    }

    private record Snapshot(Map<String, Map<String, String>> uploads, List<String> downloads) {
    }

    private Snapshot snapshot(List<String> fileIds) {
        Map<String, Map<String, String>> uploads = new LinkedHashMap<>();
        jdbc.queryForList("SELECT * FROM upload WHERE file_id::text IN (" + placeholders(fileIds) + ") ORDER BY file_id",
                fileIds.toArray()).forEach(row -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    row.forEach((column, value) -> values.put(column, value == null ? null : value.toString()));
                    uploads.put(values.get("file_id"), values);
                });
        List<String> downloads = jdbc.queryForList("SELECT download_id::text || ' ' || file_id::text || ' ' || "
                + "downloaded_at::text || ' ' || coalesce(user_agent_family, '-') || ' ' || coalesce(channel, '-')"
                + " FROM download WHERE file_id::text IN (" + placeholders(fileIds)
                + ") ORDER BY download_id", String.class, fileIds.toArray());
        return new Snapshot(uploads, downloads);
    }

    private static String placeholders(List<String> values) {
        return values.stream().map(v -> "?").collect(Collectors.joining(","));
    }
}
