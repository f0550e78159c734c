package com.apexshare.notification.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.kafka.annotation.KafkaListener;

import com.apexshare.events.LinkActivated;
import com.apexshare.events.LinkIssued;
import com.apexshare.events.Topics;

/**
 * Plays download-service for the notification tests: confirms every issued link ({@code LinkIssued} ->
 * {@code LinkActivated}), as download-service does once it serves the link, so that the student's email may leave.
 * A test can hold an upload's confirmation back ({@link #hold}) and give it later ({@link #release}), to see that the
 * email waits for it. Its own consumer group, so it never takes the service's records.
 */
@TestComponent
public class DownloadServiceStandIn {

    private static final Set<String> HELD = ConcurrentHashMap.newKeySet();
    private static final Map<String, String> HELD_LINKS = new ConcurrentHashMap<>();

    /** Confirms no link of this upload until {@link #release}. */
    public static void hold(UUID fileId) {
        HELD.add(fileId.toString());
    }

    /** Confirms the upload's held link now (if it was issued) and every later one. */
    public static void release(UUID fileId) {
        HELD.remove(fileId.toString());
        String hash = HELD_LINKS.remove(fileId.toString());
        if (hash != null) {
            confirm(fileId.toString(), hash);
        }
    }

    @KafkaListener(id = "notification-test-download-stand-in", groupId = "notification-test-download-stand-in",
            topics = Topics.Names.LINK_ISSUED)
    void onLinkIssued(LinkIssued issued) {
        if (HELD.contains(issued.getFileId())) {
            HELD_LINKS.put(issued.getFileId(), issued.getLinkTokenSha256());
            return;
        }
        confirm(issued.getFileId(), issued.getLinkTokenSha256());
    }

    public static void confirm(String fileId, String tokenSha256) {
        Events.publish(Topics.LINK_ACTIVATED, LinkActivated.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setFileId(fileId)
                .setLinkTokenSha256(tokenSha256).build());
    }
}
