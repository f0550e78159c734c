package com.apexshare.download.link;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.S3Store;
import com.apexshare.events.CompletionSource;
import com.apexshare.events.DeletionReason;
import com.apexshare.events.EmailSent;
import com.apexshare.events.EmailTransport;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadCompleted;
import com.apexshare.events.UploadDeleted;
import com.apexshare.events.UploadInitiated;
import com.apexshare.events.UploadMode;
import com.apexshare.events.link.LinkToken;
import com.apexshare.events.serde.AvroEventSerializer;
import com.apexshare.platform.aws.AwsClientSettings;
import com.apexshare.platform.aws.S3Clients;

/**
 * Plays the other services for tests and the benchmark: puts a video into S3Proxy and publishes the events the upload
 * and notification services would, with a fresh file id and link token per upload.
 */
public final class LinkFixture implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KafkaProducer<String, byte[]> producer;
    private final AvroEventSerializer avro = new AvroEventSerializer();
    private final S3Client s3;
    private final String bucket;

    public LinkFixture(String bucket) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.kafka().bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        S3Store store = DevStack.s3();
        store.createBucket(bucket);
        this.s3 = S3Clients.client(new AwsClientSettings(S3Store.REGION, store.endpoint().toString(), true,
                S3Store.ACCESS_KEY, S3Store.SECRET_KEY));
        this.bucket = bucket;
    }

    /** A token as the notification service makes them, as the student's link carries it. */
    public static String newToken() {
        return LinkToken.generate().reveal();
    }

    /** What {@code EmailSent} carries for the token. */
    public static String sha256(String token) {
        return LinkToken.parse(token).sha256Hex();
    }

    public static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** An upload of the given bytes and name, retained until {@code retentionUntil}, with one e-mailed link. */
    public Upload upload(String fileName, byte[] content, Instant retentionUntil) {
        return Upload.of(fileName, content, retentionUntil);
    }

    public Upload upload(String fileName, byte[] content) {
        return upload(fileName, content, Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS));
    }

    public PutObjectResponse store(Upload upload) {
        return s3.putObject(b -> b.bucket(bucket).key(upload.objectKey()).contentType("video/mp4"),
                RequestBody.fromBytes(upload.content()));
    }

    public void initiated(Upload u) {
        publish(Topics.UPLOAD_INITIATED.name(), u.fileId(), initiatedEvent(u, bucket).build());
    }

    public void completed(Upload u) {
        publish(Topics.UPLOAD_COMPLETED.name(), u.fileId(), completedEvent(u, bucket).build());
    }

    public void emailSent(Upload u) {
        publish(Topics.EMAIL_SENT.name(), u.fileId(), emailSentEvent(u).build());
    }

    public void deleted(Upload u, DeletionReason reason) {
        publish(Topics.UPLOAD_DELETED.name(), u.fileId(), UploadDeleted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setFileId(u.fileId().toString())
                .setReason(reason)
                .build());
    }

    /** The upload service's {@code UploadInitiated} of the upload, for a test to change before it builds it. */
    public static UploadInitiated.Builder initiatedEvent(Upload u, String bucket) {
        return UploadInitiated.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setFileId(u.fileId().toString())
                .setTrainerId("trainer-1")
                .setTrainerName("Tom Trainer")
                .setTrainerEmail("tom@school.example")
                .setStudentEmail("sam@student.example")
                .setStudentName("Sam Student")
                .setSessionDate(LocalDate.of(2025, 6, 14))
                .setNotes("Watch your lines in turn 3")
                .setFileName(u.fileName())
                .setOriginalFileName(u.fileName())
                .setFileSize(u.content().length)
                .setContentType("video/mp4")
                .setBucket(bucket)
                .setObjectKey(u.objectKey())
                .setUploadMode(UploadMode.SINGLE_PUT)
                .setRetentionUntil(u.retentionUntil());
    }

    /** The upload service's {@code UploadCompleted} of the upload. */
    public static UploadCompleted.Builder completedEvent(Upload u, String bucket) {
        return UploadCompleted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setFileId(u.fileId().toString())
                .setBucket(bucket)
                .setObjectKey(u.objectKey())
                .setSize(u.content().length)
                .setETag("etag-" + u.fileId())
                .setSource(CompletionSource.CLIENT);
    }

    /** The notification service's {@code EmailSent} of the upload's link. */
    public static EmailSent.Builder emailSentEvent(Upload u) {
        return EmailSent.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setFileId(u.fileId().toString())
                .setProviderMessageId("msg-" + u.fileId())
                .setSentAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setLinkTokenSha256(sha256(u.token()))
                .setLinkExpiresAt(u.retentionUntil())
                .setTransport(EmailTransport.SMTP);
    }

    /** Stores the object and publishes all three events of a finished, e-mailed upload. */
    public Upload ready(String fileName, byte[] content) {
        Upload u = upload(fileName, content);
        store(u);
        initiated(u);
        completed(u);
        emailSent(u);
        return u;
    }

    /** Publishes an event as the other services would, keyed by its upload. */
    public void publish(String topic, UUID fileId, SpecificRecord event) {
        publish(topic, fileId, avro.serialize(topic, event));
    }

    /** Publishes any bytes under the upload's key, e.g. a record no consumer can decode. */
    public void publish(String topic, UUID fileId, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, fileId.toString(), value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
        s3.close();
    }

    /** One upload of the fixture; {@code token} is what the student's e-mail link carries. */
    public record Upload(UUID fileId, String fileName, String objectKey, byte[] content, String token,
            Instant retentionUntil) {

        /** A fresh upload (new file id, new link token) of the given bytes and name. */
        public static Upload of(String fileName, byte[] content, Instant retentionUntil) {
            UUID fileId = UUID.randomUUID();
            String key = "videos/2025-06-14/" + fileId + "-" + fileName;
            return new Upload(fileId, fileName, key, content, newToken(), retentionUntil);
        }
    }
}
