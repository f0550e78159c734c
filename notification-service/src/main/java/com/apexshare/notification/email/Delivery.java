package com.apexshare.notification.email;

import java.time.Instant;

/**
 * An email the provider accepted.
 *
 * @param linkTokenSha256 hex SHA-256 of the link token in the email; null for emails without a link
 * @param linkExpiresAt   when the link stops working; null for emails without a link
 */
record Delivery(String providerMessageId, Instant acceptedAt, String linkTokenSha256, Instant linkExpiresAt) {
}
