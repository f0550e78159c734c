package com.apexshare.upload.s3notification;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads S3 event messages, whichever source delivered them (the raw Kafka topic, SQS):
 * {@code {"Records": [{"eventName": "ObjectCreated:Put", "s3": {"bucket": {"name": …}, "object": {"key": …, "size": …,
 * "eTag": …}}}]}} as AWS sends them (keys URL-encoded), MinIO's variant ({@code "s3:ObjectCreated:Put"}), an SNS
 * envelope around either, and S3's {@code s3:TestEvent} (nothing to do). Anything else is a
 * {@link MalformedS3EventMessage}.
 */
public final class S3EventMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private S3EventMessages() {
    }

    /** The ObjectCreated records of a message (other event types are left out). */
    public static List<ObjectCreated> parse(String message) {
        if (message == null || message.isBlank()) {
            throw new MalformedS3EventMessage("Empty S3 notification message");
        }
        JsonNode root;
        try {
            root = JSON.readTree(message);
        } catch (JacksonException e) {
            throw new MalformedS3EventMessage("S3 notification is not JSON: " + e.getOriginalMessage(), e);
        }
        return parse(root, true);
    }

    private static List<ObjectCreated> parse(JsonNode root, boolean unwrapSns) {
        if (root == null || !root.isObject()) {
            throw new MalformedS3EventMessage("S3 notification is not a JSON object");
        }
        if (unwrapSns && "Notification".equals(root.path("Type").asString(null)) && root.path("Message").isString()) {
            try {
                return parse(JSON.readTree(root.path("Message").asString()), false);
            } catch (JacksonException e) {
                throw new MalformedS3EventMessage("SNS message does not carry S3 JSON: " + e.getOriginalMessage(), e);
            }
        }
        if (root.path("Event").asString("").endsWith("TestEvent") && !root.has("Records")) {
            return List.of();
        }
        JsonNode records = root.path("Records");
        if (!records.isArray() || records.isEmpty()) {
            throw new MalformedS3EventMessage("S3 notification has no Records array");
        }
        List<ObjectCreated> created = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            String eventName = text(record, "eventName", i);
            String type = eventName.startsWith("s3:") ? eventName.substring(3) : eventName;
            if (!type.startsWith("ObjectCreated:")) {
                continue;
            }
            JsonNode s3 = record.path("s3");
            String bucket = text(s3.path("bucket"), "name", i);
            String rawKey = text(s3.path("object"), "key", i);
            String key;
            try {
                // S3 encodes keys like HTML form values: '+' is a space.
                key = URLDecoder.decode(rawKey, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new MalformedS3EventMessage("Records[" + i + "].s3.object.key is not URL-encoded text", e);
            }
            created.add(new ObjectCreated(bucket, key, type));
        }
        return created;
    }

    private static String text(JsonNode node, String field, int index) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw new MalformedS3EventMessage("Records[" + index + "] lacks " + field);
        }
        return value.asString();
    }
}
