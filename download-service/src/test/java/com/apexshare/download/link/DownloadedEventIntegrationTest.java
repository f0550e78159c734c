package com.apexshare.download.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.apexshare.devstack.TopicContents;
import com.apexshare.download.DownloadServiceTestSupport;
import com.apexshare.events.DownloadChannel;
import com.apexshare.events.Downloaded;
import com.apexshare.events.Topics;
import com.apexshare.events.serde.AvroEventDeserializer;

class DownloadedEventIntegrationTest extends DownloadServiceTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldPublishOneDownloadedPerOpeningWithoutTokenOrAddress() throws Exception {
        // Given a working link, opened by one client address
        LinkFixture.Upload upload = fixture.ready("counted.mp4", LinkFixture.randomBytes(1024));
        String client = freshClientAddress();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/d/" + upload.token(), client).statusCode() == 302);

        // When the student opens it twice more in the browser, once through the API, and a mail scanner sends HEAD
        assertThat(get("/d/" + upload.token(), client).statusCode()).isEqualTo(302);
        assertThat(HTTP.send(request("/d/" + upload.token(), client).setHeader("User-Agent", "curl/8.5.0").GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(302);
        assertThat(get("/api/v1/downloads/" + upload.token(), client).statusCode()).isEqualTo(200);
        assertThat(HTTP.send(request("/d/" + upload.token(), client).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(302);

        // Then, once the outbox is drained, the topic holds exactly one Downloaded per counted opening (4)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(outboxRows(upload)).isZero();
            assertThat(raw().withKey(upload.fileId().toString())).hasSize(4);
        });
        List<TopicContents.Entry<byte[]>> records = raw().withKey(upload.fileId().toString());
        assertThat(records).hasSize(4);
        AvroEventDeserializer avro = new AvroEventDeserializer();
        List<Downloaded> downloads = records.stream()
                .map(r -> (Downloaded) avro.deserialize(r.topic(), r.value())).toList();
        assertThat(downloads.stream().map(Downloaded::getDownloadId).collect(Collectors.toSet())).hasSize(4);
        assertThat(downloads).allSatisfy(d -> assertThat(d.getFileId()).isEqualTo(upload.fileId().toString()));
        assertThat(downloads.stream().map(Downloaded::getChannel).toList())
                .containsExactlyInAnyOrder(DownloadChannel.REDIRECT, DownloadChannel.REDIRECT,
                        DownloadChannel.REDIRECT, DownloadChannel.API);
        assertThat(downloads.stream().map(Downloaded::getUserAgentFamily).collect(Collectors.toSet()))
                .isEqualTo(Set.of("Firefox", "curl"));

        // And no record carries the token, its hash or the client's address, in its value or its headers
        for (TopicContents.Entry<byte[]> record : records) {
            String raw = new String(record.value(), StandardCharsets.ISO_8859_1);
            assertThat(raw).doesNotContain(upload.token()).doesNotContain(LinkFixture.sha256(upload.token()))
                    .doesNotContain(client).doesNotContain("127.0.0.1");
            // the one header is the W3C trace context of the upload's trace (platform tracing): ids, nothing else
            assertThat(record.headers().toArray()).allSatisfy(header -> {
                assertThat(header.key()).isEqualTo("traceparent");
                assertThat(new String(header.value(), StandardCharsets.US_ASCII))
                        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
            });
        }
    }

    /** The Downloaded topic as analytics consumers read it, the raw bytes kept. */
    private static TopicContents<byte[]> raw() {
        return TopicContents.read(Topics.DOWNLOADED.name(), new ByteArrayDeserializer());
    }

    private long outboxRows(LinkFixture.Upload upload) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE topic = :topic AND event_key = :fileId")
                .param("topic", Topics.DOWNLOADED.name()).param("fileId", upload.fileId().toString())
                .query(Long.class).single();
    }
}
