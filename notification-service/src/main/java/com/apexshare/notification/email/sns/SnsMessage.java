package com.apexshare.notification.email.sns;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One message SNS posted to an HTTP(S) subscription (the JSON document of its body; SNS sends it as
 * {@code text/plain}). Field names as SNS spells them.
 */
public record SnsMessage(String type, String messageId, String token, String topicArn, String subject,
        String message, String subscribeUrl, String timestamp, String signatureVersion, String signature,
        String signingCertUrl) {

    public static final String NOTIFICATION = "Notification";
    public static final String SUBSCRIPTION_CONFIRMATION = "SubscriptionConfirmation";
    public static final String UNSUBSCRIBE_CONFIRMATION = "UnsubscribeConfirmation";

    /** @throws MalformedSnsMessage unless the body is a JSON object with the fields its type must have */
    public static SnsMessage parse(String body, JsonMapper json) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedSnsMessage("the body is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedSnsMessage("the body is not an SNS message (a JSON object)");
        }
        SnsMessage message = new SnsMessage(text(node, "Type"), text(node, "MessageId"), text(node, "Token"),
                text(node, "TopicArn"), text(node, "Subject"), text(node, "Message"), text(node, "SubscribeURL"),
                text(node, "Timestamp"), text(node, "SignatureVersion"), text(node, "Signature"),
                text(node, "SigningCertURL"));
        message.requireFields();
        return message;
    }

    private void requireFields() {
        if (type == null) {
            throw new MalformedSnsMessage("Type is missing");
        }
        require("MessageId", messageId);
        require("TopicArn", topicArn);
        require("Message", message);
        require("Timestamp", timestamp);
        require("SignatureVersion", signatureVersion);
        require("Signature", signature);
        require("SigningCertURL", signingCertUrl);
        switch (type) {
            case NOTIFICATION -> {
            }
            case SUBSCRIPTION_CONFIRMATION, UNSUBSCRIBE_CONFIRMATION -> {
                require("SubscribeURL", subscribeUrl);
                require("Token", token);
            }
            default -> throw new MalformedSnsMessage("unknown Type " + type);
        }
    }

    /**
     * The string SNS signed: each field's name and value on lines of their own, in this order, as AWS documents
     * ("Verifying the signatures of Amazon SNS messages"); {@code Subject} only when the notification has one.
     */
    public String canonicalString() {
        StringBuilder out = new StringBuilder(message.length() + 512);
        if (NOTIFICATION.equals(type)) {
            append(out, "Message", message);
            append(out, "MessageId", messageId);
            if (subject != null) {
                append(out, "Subject", subject);
            }
            append(out, "Timestamp", timestamp);
            append(out, "TopicArn", topicArn);
            append(out, "Type", type);
        } else {
            append(out, "Message", message);
            append(out, "MessageId", messageId);
            append(out, "SubscribeURL", subscribeUrl);
            append(out, "Timestamp", timestamp);
            append(out, "Token", token);
            append(out, "TopicArn", topicArn);
            append(out, "Type", type);
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String name, String value) {
        out.append(name).append('\n').append(value).append('\n');
    }

    private static void require(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new MalformedSnsMessage(field + " is missing");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new MalformedSnsMessage(field + " is not a string");
        }
        return value.asString();
    }
}
