package com.apexshare.notification.email;

import java.time.Instant;
import java.util.UUID;

/**
 * A written email before it becomes MIME: who it goes to, its subject and its two bodies. The transports turn it into
 * the same MIME bytes (adapter {@code mime}).
 *
 * @param to              the recipient's address as the upload gave it (checked to be one plain address by the MIME
 *                        adapter: anything else fails permanently as {@code INVALID_RECIPIENT})
 * @param toName          the recipient's display name, raw (cleaned for the header by the MIME adapter)
 * @param subject         the subject, already on one line ({@link HeaderText})
 * @param linkTokenSha256 hex SHA-256 of the link token in it; null for emails without a link
 * @param linkExpiresAt   when its link stops working; null for emails without a link
 */
public record Letter(UUID fileId, EmailKind kind, String to, String toName, String subject, String text, String html,
        String linkTokenSha256, Instant linkExpiresAt) {
}
