package com.apexshare.notification.email;

import java.time.Instant;
import java.util.Objects;

/**
 * A provider's word on one sent email, decoded by an adapter (SES event, DSN), not yet matched to an email.
 *
 * @param reference  how to find the email: the provider's message id as stored when it was sent
 * @param state      never {@link DeliveryState#SUPPRESSED} (that is decided here, not reported)
 * @param bounceType set when {@code state} is {@link DeliveryState#BOUNCED}, else null
 * @param reportedAt when it happened according to the report
 * @param diagnostic short machine-oriented text without personal data (status code, classification); may be null
 */
public record DeliveryReport(MessageReference reference, DeliveryState state, BounceType bounceType,
        Instant reportedAt, String diagnostic, DeliverySource source) {

    /** Longest diagnostic kept. */
    public static final int MAX_DIAGNOSTIC = 120;

    public DeliveryReport {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(source, "source");
        if (state == DeliveryState.SUPPRESSED) {
            throw new IllegalArgumentException("SUPPRESSED is decided by the service, never reported");
        }
        if (state == DeliveryState.BOUNCED && bounceType == null) {
            bounceType = BounceType.UNDETERMINED;
        }
        if (state != DeliveryState.BOUNCED) {
            bounceType = null;
        }
        diagnostic = diagnostic(diagnostic);
    }

    /**
     * Keeps only characters a status code or a provider's classification uses, so that no address or remote server
     * text (which may quote the address) can pass.
     */
    static String diagnostic(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder();
        for (String word : raw.trim().split("\\s+")) {
            if (word.isEmpty() || word.contains("@") || !word.matches("[A-Za-z0-9._/;:()=-]+")) {
                continue;
            }
            if (kept.length() + word.length() + 1 > MAX_DIAGNOSTIC) {
                break;
            }
            kept.append(kept.length() == 0 ? "" : " ").append(word);
        }
        return kept.length() == 0 ? null : kept.toString();
    }

    /**
     * The email a report is about.
     *
     * @param providerMessageId the exact id stored when it was sent (SES MessageId, SMTP {@code Message-ID} without
     *                          angle brackets); null when only the local part is known
     * @param localPart         the {@code Message-ID}'s part before {@code @} (what the VERP return path carries);
     *                          null when the full id is known
     */
    public record MessageReference(String providerMessageId, String localPart) {

        public static MessageReference providerMessageId(String id) {
            return new MessageReference(id.trim(), null);
        }

        public static MessageReference localPart(String localPart) {
            return new MessageReference(null, localPart.trim());
        }

        @Override
        public String toString() {
            return providerMessageId != null ? providerMessageId : localPart + "@…";
        }
    }
}
