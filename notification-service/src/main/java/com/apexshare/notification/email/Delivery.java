package com.apexshare.notification.email;

import java.time.Instant;

/**
 * An email the provider accepted.
 *
 * @param transport       {@code SES} or {@code SMTP}
 * @param linkTokenSha256 hex SHA-256 of the link token in the email; null for emails without a link
 * @param linkExpiresAt   when the link stops working; null for emails without a link
 * @param linkGeneration  the link's generation; null for emails without a link
 */
public record Delivery(String providerMessageId, Instant acceptedAt, String transport, String linkTokenSha256,
        Instant linkExpiresAt, Integer linkGeneration) {

    public Delivery(String providerMessageId, Instant acceptedAt, String transport, String linkTokenSha256,
            Instant linkExpiresAt) {
        this(providerMessageId, acceptedAt, transport, linkTokenSha256, linkExpiresAt, null);
    }
}
