package com.apexshare.download.link;

import java.time.Instant;
import java.util.UUID;

/**
 * Announces that a link works from now on ({@code LinkActivated}), so that notification-service sends the email that
 * carries it. Called inside the transaction that recorded the link, so an implementation writes to the outbox.
 */
public interface LinkActivations {

    void activated(UUID fileId, String tokenSha256, Instant at);
}
