package com.apexshare.notification.support;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.TopicContents;
import com.apexshare.events.CompletionSource;
import com.apexshare.events.DeletionReason;
import com.apexshare.events.DownloadChannel;
import com.apexshare.events.Downloaded;
import com.apexshare.events.Topic;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadCompleted;
import com.apexshare.events.UploadDeleted;
import com.apexshare.events.UploadInitiated;
import com.apexshare.events.UploadMode;
import com.apexshare.events.serde.AvroEventDeserializer;
import com.apexshare.events.serde.AvroEventSerializer;

/** Builds and publishes upload events the way upload- and download-service do, and reads what this service wrote. */
public final class Events {

    private static volatile KafkaProducer<String, SpecificRecord> producer;

    private Events() {
    }

    /** A started upload with sensible data; tests change what they need through the builder. */
    public static UploadInitiated.Builder initiated(UUID fileId, String studentEmail) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return UploadInitiated.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(now)
                .setFileId(fileId.toString())
                .setTrainerId("trainer-" + fileId)
                .setTrainerName("Tom Trainer")
                .setTrainerEmail("tom-" + fileId + "@school.test")
                .setStudentEmail(studentEmail)
                .setStudentName("Sam Student")
                .setSessionDate(LocalDate.of(2025, 5, 17))
                .setNotes("Look further ahead in the chicane.\nKeep your elbows loose.")
                .setFileName("GX010042.MP4")
                .setOriginalFileName("GX010042.MP4")
                .setFileSize(3_221_225_472L)
                .setContentType("video/mp4")
                .setBucket("apexshare-videos")
                .setObjectKey("videos/2025-05-17/" + fileId + "-GX010042.MP4")
                .setUploadMode(UploadMode.MULTIPART)
                .setRetentionUntil(now.plus(Duration.ofDays(30)));
    }

    public static UploadCompleted completed(UUID fileId) {
        return UploadCompleted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setFileId(fileId.toString())
                .setBucket("apexshare-videos")
                .setObjectKey("videos/2025-05-17/" + fileId + "-GX010042.MP4")
                .setSize(3_221_225_472L)
                .setETag("9b2cf535f27731c974343645a3985328-3")
                .setSource(CompletionSource.CLIENT)
                .build();
    }

    public static UploadDeleted deleted(UUID fileId, DeletionReason reason) {
        return UploadDeleted.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setFileId(fileId.toString())
                .setReason(reason)
                .build();
    }

    public static Downloaded downloaded(UUID fileId) {
        return Downloaded.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setFileId(fileId.toString())
                .setDownloadId(UUID.randomUUID().toString())
                .setUserAgentFamily("Firefox")
                .setChannel(DownloadChannel.REDIRECT)
                .build();
    }

    public static void publish(UploadInitiated event) {
        publish(Topics.UPLOAD_INITIATED, event);
    }

    public static void publish(UploadCompleted event) {
        publish(Topics.UPLOAD_COMPLETED, event);
    }

    public static void publish(UploadDeleted event) {
        publish(Topics.UPLOAD_DELETED, event);
    }

    public static void publish(Downloaded event) {
        publish(Topics.DOWNLOADED, event);
    }

    /** Publishes keyed by file id and waits for the broker's acknowledgement. */
    public static <V extends SpecificRecord> void publish(Topic<V> topic, V event) {
        publish(topic, String.valueOf(event.get(event.getSchema().getField("fileId").pos())), event);
    }

    /** Publishes under this key (e.g. an event whose own file id is broken, on its upload's partition) and waits. */
    public static <V extends SpecificRecord> void publish(Topic<V> topic, String key, V event) {
        try {
            producer().send(new ProducerRecord<>(topic.name(), key, event)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot publish to " + topic.name(), e);
        }
    }

    /** Publishes bytes that are not an event at all under this key, and waits for the acknowledgement. */
    public static void publishRaw(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot publish to " + topic, e);
        }
    }

    /** Publishes many events without waiting for each acknowledgement, then waits for all (benchmarks). */
    public static <V extends SpecificRecord> void publishAll(Topic<V> topic, List<V> events) {
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>(events.size());
        for (V event : events) {
            String key = String.valueOf(event.get(event.getSchema().getField("fileId").pos()));
            sent.add(producer().send(new ProducerRecord<>(topic.name(), key, event)));
        }
        producer().flush();
        for (java.util.concurrent.Future<?> f : sent) {
            try {
                f.get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Cannot publish to " + topic.name(), e);
            }
        }
    }

    /** Every event on the topic whose key is this file id, read from the beginning up to the current end. */
    @SuppressWarnings("unchecked")
    public static <V extends SpecificRecord> List<V> read(Topic<V> topic, UUID fileId) {
        return TopicContents.read(topic.name(), new AvroEventDeserializer()).valuesWithKey(fileId.toString()).stream()
                .map(v -> (V) v).toList();
    }

    private static KafkaProducer<String, SpecificRecord> producer() {
        if (producer == null) {
            synchronized (Events.class) {
                if (producer == null) {
                    producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DevStack.kafka().bootstrapServers(),
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.LINGER_MS_CONFIG, 0),
                            new StringSerializer(), new AvroEventSerializer());
                }
            }
        }
        return producer;
    }
}
