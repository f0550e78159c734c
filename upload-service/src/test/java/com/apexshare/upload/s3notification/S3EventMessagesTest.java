package com.apexshare.upload.s3notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3EventMessagesTest {

    private static final String AWS = """
            {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:CompleteMultipartUpload",
            "s3":{"bucket":{"name":"apexshare-videos"},"object":{"key":"videos/2026-05-14/abc-Ride+day+1%28b%29.mp4",
            "size":5368709120,"eTag":"9b2cf535f27731c974343645a3985328-320"}}},
            {"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectRemoved:Delete",
            "s3":{"bucket":{"name":"apexshare-videos"},"object":{"key":"videos/old.mp4"}}}]}
            """;

    @Test
    void shouldReadObjectCreatedRecordsAndDecodeTheirKeys() {
        // Given / When
        var created = S3EventMessages.parse(AWS);

        // Then only the ObjectCreated record counts, with its key URL-decoded ('+' is a space)
        assertThat(created).singleElement().satisfies(c -> {
            assertThat(c.bucket()).isEqualTo("apexshare-videos");
            assertThat(c.key()).isEqualTo("videos/2026-05-14/abc-Ride day 1(b).mp4");
            assertThat(c.eventName()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
        });
    }

    @Test
    void shouldReadMinioEventNamesAndSnsEnvelopes() {
        // Given MinIO's s3:-prefixed event name, wrapped by SNS as it arrives through SQS
        String minio = "{\"Records\":[{\"eventName\":\"s3:ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"},"
                + "\"object\":{\"key\":\"videos/x\"}}}]}";
        String sns = "{\"Type\":\"Notification\",\"MessageId\":\"1\",\"Message\":" + quote(minio) + "}";

        // When / Then
        assertThat(S3EventMessages.parse(minio)).extracting(ObjectCreated::key).containsExactly("videos/x");
        assertThat(S3EventMessages.parse(sns)).extracting(ObjectCreated::eventName)
                .containsExactly("ObjectCreated:Put");
    }

    @Test
    void shouldIgnoreS3TestEvents() {
        // Given the message S3 sends when a notification is configured
        String test = "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Time\":\"2026-05-14T10:00:00.000Z\","
                + "\"Bucket\":\"apexshare-videos\",\"RequestId\":\"5582815E1AEA5ADF\",\"HostId\":\"8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE\"}";

        // When / Then
        assertThat(S3EventMessages.parse(test)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "42", "{}", "{\"Records\":[]}", "{\"Records\":{}}",
            "{\"Records\":[{\"s3\":{}}]}",
            "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"object\":{\"key\":\"k\"}}}]}",
            "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{}}}]}",
            "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"%zz\"}}}]}",
            "{\"Type\":\"Notification\",\"Message\":\"not json\"}"})
    void shouldRefuseMalformedMessages(String message) {
        // Given / When / Then
        assertThatThrownBy(() -> S3EventMessages.parse(message)).isInstanceOf(MalformedS3EventMessage.class);
    }

    private static String quote(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
