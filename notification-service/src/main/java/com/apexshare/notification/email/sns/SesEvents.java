package com.apexshare.notification.email.sns;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.apexshare.notification.email.BounceType;
import com.apexshare.notification.email.DeliveryReport;
import com.apexshare.notification.email.DeliveryReport.MessageReference;
import com.apexshare.notification.email.DeliverySource;
import com.apexshare.notification.email.DeliveryState;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps an SES event (the {@code Message} of an SNS notification: configuration-set event publishing, field
 * {@code eventType}, or identity notifications, field {@code notificationType}) to a delivery report. Delivery,
 * Bounce, Complaint, Reject and DeliveryDelay are reports; every other type (Send, Open, Click, …) is none. Only
 * classifications and status codes reach the diagnostic, never the remote server's text or an address.
 */
public final class SesEvents {

    private SesEvents() {
    }

    /** @throws MalformedSnsMessage when the message is not an SES event */
    public static Optional<DeliveryReport> toReport(String message, JsonMapper json) {
        JsonNode event;
        try {
            event = json.readTree(message);
        } catch (JacksonException e) {
            throw new MalformedSnsMessage("the Message is not an SES event (not JSON)");
        }
        if (event == null || !event.isObject()) {
            throw new MalformedSnsMessage("the Message is not an SES event");
        }
        String type = text(event, "eventType");
        if (type == null) {
            type = text(event, "notificationType");
        }
        String messageId = text(event.path("mail"), "messageId");
        if (type == null || messageId == null) {
            throw new MalformedSnsMessage("the SES event has no eventType or mail.messageId");
        }
        Instant mailTime = time(event.path("mail"), "timestamp", null);
        MessageReference reference = MessageReference.providerMessageId(messageId);
        return switch (type) {
            case "Delivery" -> Optional.of(report(reference, DeliveryState.DELIVERED, null,
                    time(event.path("delivery"), "timestamp", mailTime), null));
            case "Bounce" -> {
                JsonNode bounce = event.path("bounce");
                String kind = text(bounce, "bounceType");
                BounceType bounceType = "Permanent".equals(kind) ? BounceType.HARD
                        : "Transient".equals(kind) ? BounceType.SOFT : BounceType.UNDETERMINED;
                yield Optional.of(report(reference, DeliveryState.BOUNCED, bounceType,
                        time(bounce, "timestamp", mailTime), join(kind, text(bounce, "bounceSubType"),
                                firstRecipientStatus(bounce.path("bouncedRecipients")))));
            }
            case "Complaint" -> {
                JsonNode complaint = event.path("complaint");
                // A feedback report saying "not spam" is no complaint.
                if ("not-spam".equals(text(complaint, "complaintFeedbackType"))) {
                    yield Optional.empty();
                }
                yield Optional.of(report(reference, DeliveryState.COMPLAINED, null,
                        time(complaint, "timestamp", mailTime),
                        join(text(complaint, "complaintFeedbackType"), text(complaint, "complaintSubType"), null)));
            }
            case "Reject" -> Optional.of(report(reference, DeliveryState.REJECTED, null,
                    mailTime == null ? Instant.now() : mailTime, text(event.path("reject"), "reason")));
            case "DeliveryDelay" -> {
                JsonNode delay = event.path("deliveryDelay");
                yield Optional.of(report(reference, DeliveryState.DELAYED, null, time(delay, "timestamp", mailTime),
                        join(text(delay, "delayType"), firstRecipientStatus(delay.path("delayedRecipients")), null)));
            }
            default -> Optional.empty();
        };
    }

    private static DeliveryReport report(MessageReference reference, DeliveryState state, BounceType bounce,
            Instant at, String diagnostic) {
        return new DeliveryReport(reference, state, bounce, at == null ? Instant.now() : at, diagnostic,
                DeliverySource.SES_EVENT);
    }

    private static String firstRecipientStatus(JsonNode recipients) {
        return recipients.isArray() && !recipients.isEmpty() ? text(recipients.get(0), "status") : null;
    }

    private static String join(String a, String b, String c) {
        StringBuilder out = new StringBuilder();
        for (String part : new String[] {a, b, c}) {
            if (part != null && !part.isBlank()) {
                out.append(out.isEmpty() ? "" : " ").append(part.trim());
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    private static Instant time(JsonNode node, String field, Instant fallback) {
        String value = text(node, field);
        if (value == null) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
    }
}
