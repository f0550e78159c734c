package com.apexshare.devstack.local;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Builds S3 event notification messages in AWS's standard JSON format (event structure version 2.1), the format that
 * S3 sends to SQS/SNS and that MinIO's Kafka target carries in its {@code Records} array.
 */
final class S3EventMessages {

    private S3EventMessages() {
    }

    static String objectCreated(String eventName, String region, String bucket, String key, long size, String eTag,
            Instant time) {
        // S3 URL-encodes the key in notifications (a space becomes '+') but leaves the '/' separators readable.
        String encodedKey = URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
        String sequencer = Long.toHexString(time.toEpochMilli()).toUpperCase(java.util.Locale.ROOT);
        return "{\"Records\":[{"
                + "\"eventVersion\":\"2.1\","
                + "\"eventSource\":\"aws:s3\","
                + "\"awsRegion\":" + json(region) + ","
                + "\"eventTime\":" + json(time.toString()) + ","
                + "\"eventName\":" + json("ObjectCreated:" + eventName) + ","
                + "\"userIdentity\":{\"principalId\":\"devstack\"},"
                + "\"requestParameters\":{\"sourceIPAddress\":\"127.0.0.1\"},"
                + "\"responseElements\":{\"x-amz-request-id\":" + json(UUID.randomUUID().toString()) + "},"
                + "\"s3\":{"
                + "\"s3SchemaVersion\":\"1.0\","
                + "\"configurationId\":\"apexshare-devstack\","
                + "\"bucket\":{\"name\":" + json(bucket) + ",\"ownerIdentity\":{\"principalId\":\"devstack\"},"
                + "\"arn\":" + json("arn:aws:s3:::" + bucket) + "},"
                + "\"object\":{\"key\":" + json(encodedKey) + ",\"size\":" + size + ",\"eTag\":" + json(eTag)
                + ",\"sequencer\":" + json(sequencer) + "}}}]}";
    }

    static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
