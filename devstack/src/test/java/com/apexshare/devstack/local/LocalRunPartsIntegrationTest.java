package com.apexshare.devstack.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.IdentityProvider;
import com.apexshare.devstack.KafkaBroker;
import com.apexshare.devstack.Postgres;
import com.apexshare.devstack.S3Store;
import com.apexshare.devstack.TopicContents;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

class LocalRunPartsIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void shouldPublishAnS3EventMessageForEveryCreatedObject(@TempDir Path data) throws Exception {
        // Given a local S3 store wired to the raw notification topic
        String topic = "s3-notifications-" + UUID.randomUUID();
        String bootstrap = DevStack.kafka().bootstrapServers();
        try (S3NotificationPublisher publisher = new S3NotificationPublisher(bootstrap, topic, "us-east-1",
                Clock.systemUTC());
             S3Store store = S3Store.start(data, 0, null, publisher);
             S3Client s3 = S3Client.builder().endpointOverride(store.endpoint()).region(Region.US_EAST_1)
                     .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                             AwsBasicCredentials.create(S3Store.ACCESS_KEY, S3Store.SECRET_KEY))).build()) {
            store.createBucket("videos-bucket");

            // When an object is put and another is uploaded in two parts
            s3.putObject(b -> b.bucket("videos-bucket").key("videos/2026-11-22/a b.mp4"), RequestBody.fromString("x"));
            String uploadId = s3.createMultipartUpload(b -> b.bucket("videos-bucket").key("videos/m.mp4")).uploadId();
            String e1 = s3.uploadPart(b -> b.bucket("videos-bucket").key("videos/m.mp4").uploadId(uploadId).partNumber(1),
                    RequestBody.fromBytes(new byte[5 * 1024 * 1024])).eTag();
            String e2 = s3.uploadPart(b -> b.bucket("videos-bucket").key("videos/m.mp4").uploadId(uploadId).partNumber(2),
                    RequestBody.fromBytes(new byte[10])).eTag();
            s3.completeMultipartUpload(b -> b.bucket("videos-bucket").key("videos/m.mp4").uploadId(uploadId)
                    .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(e1), p -> p.partNumber(2).eTag(e2))));
        }

        // Then the topic has one standard S3 event message per object, keyed bucket/key (closing the publisher
        // waited for the broker's acknowledgements, so the topic is complete)
        List<TopicContents.Entry<String>> records = new ArrayList<>(TopicContents.read(bootstrap, List.of(topic),
                new StringDeserializer(), TopicContents.DEFAULT_TIMEOUT).entries());
        records.sort(Comparator.comparing(TopicContents.Entry::key));
        assertThat(records).extracting(TopicContents.Entry::key)
                .containsExactly("videos-bucket/videos/2026-11-22/a b.mp4", "videos-bucket/videos/m.mp4");
        assertThat(records.get(0).value()).contains("\"eventName\":\"ObjectCreated:Put\"")
                .contains("\"key\":\"videos/2026-11-22/a+b.mp4\"").contains("\"size\":1")
                .contains("\"name\":\"videos-bucket\"").contains("\"eventSource\":\"aws:s3\"");
        assertThat(records.get(1).value()).contains("\"eventName\":\"ObjectCreated:CompleteMultipartUpload\"")
                .contains("\"size\":" + (5 * 1024 * 1024 + 10)).containsPattern("\"eTag\":\"[0-9a-f]+-2\"");
    }

    @Test
    void shouldKeepKafkaPostgresAndIssuerStateAcrossRestarts(@TempDir Path data) throws Exception {
        // Given servers started on a data folder, with a record, a table and a signing key
        String token;
        try (KafkaBroker kafka = KafkaBroker.start(data.resolve("kafka"), 0, 0)) {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("kept", "k", "v")).get();
            }
        }
        try (Postgres postgres = Postgres.start(data.resolve("pg"), 0)) {
            try (Connection c = DriverManager.getConnection(postgres.createDatabase("kept"), Postgres.USER,
                    Postgres.PASSWORD)) {
                c.createStatement().execute("CREATE TABLE t (v text); INSERT INTO t VALUES ('kept')");
            }
        }
        try (IdentityProvider identity = IdentityProvider.start(IdentityProvider.Settings.forTests(data.resolve("id")))) {
            token = identity.trainerToken("t", "T", null);
        }

        // When they start again on the same folder
        try (KafkaBroker kafka = KafkaBroker.start(data.resolve("kafka"), 0, 0);
             Postgres postgres = Postgres.start(data.resolve("pg"), 0);
             IdentityProvider identity = IdentityProvider.start(IdentityProvider.Settings.forTests(data.resolve("id")))) {

            // Then the data is still there
            assertThat(TopicContents.read(kafka.bootstrapServers(), List.of("kept"), new StringDeserializer(),
                    TopicContents.DEFAULT_TIMEOUT).values()).containsExactly("v");
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("kept"), Postgres.USER, Postgres.PASSWORD);
                 ResultSet rs = c.createStatement().executeQuery("SELECT v FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("kept");
            }
            String kid = com.nimbusds.jwt.SignedJWT.parse(token).getHeader().getKeyID();
            assertThat(get(identity.jwkSetUri()).body()).contains(kid);
        }
    }

    private static HttpResponse<String> get(String uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
