package com.apexshare.download.link.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.apexshare.download.link.LinkActivations;
import com.apexshare.events.LinkActivated;
import com.apexshare.events.Topics;
import com.apexshare.platform.outbox.Outbox;

/**
 * Writes {@code LinkActivated} into the platform's outbox with the transaction that made the link work, so the
 * confirmation is sent exactly when the link is durable (at least once; notification-service absorbs repetitions).
 * Carries the token's hash only.
 */
@Component
class LinkActivatedOutbox implements LinkActivations {

    private final Outbox outbox;

    LinkActivatedOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void activated(UUID fileId, String tokenSha256, Instant at) {
        outbox.append(Topics.LINK_ACTIVATED, fileId, LinkActivated.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(at)
                .setFileId(fileId.toString())
                .setLinkTokenSha256(tokenSha256)
                .build());
    }
}
