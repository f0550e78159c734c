package com.apexshare.download.link.messaging;

import java.util.UUID;

import org.springframework.stereotype.Component;

import com.apexshare.download.link.DownloadLog;
import com.apexshare.events.DownloadChannel;
import com.apexshare.events.Downloaded;
import com.apexshare.events.Topics;
import com.apexshare.platform.outbox.Outbox;

/**
 * Records each counted opening as a {@code Downloaded} event in the platform's outbox, with the request's
 * transaction: the request never waits for Kafka, and no opening is lost while Kafka is away (the relay publishes it
 * later; consumers count each {@code downloadId} once).
 */
@Component
class DownloadedOutbox implements DownloadLog {

    private final Outbox outbox;

    DownloadedOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void record(Opening opening) {
        outbox.append(Topics.DOWNLOADED, opening.fileId(), event(opening));
    }

    /** The event of one opening: no token, no raw User-Agent, no client address. */
    private static Downloaded event(Opening opening) {
        return Downloaded.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(opening.occurredAt())
                .setFileId(opening.fileId().toString())
                .setDownloadId(opening.downloadId().toString())
                .setUserAgentFamily(opening.userAgentFamily())
                .setChannel(DownloadChannel.valueOf(opening.channel().name()))
                .build();
    }
}
