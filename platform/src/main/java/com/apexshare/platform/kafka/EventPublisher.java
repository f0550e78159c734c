package com.apexshare.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.kafka.core.KafkaOperations;

import com.apexshare.events.Topic;
import com.apexshare.platform.observability.UploadTraces;

/**
 * Publish-and-wait: sends events keyed by the upload's file id and returns once Kafka acknowledged every one of them
 * ({@code acks=all}, idempotent producer), or throws {@link EventsUnavailable} after the configured timeout. For the
 * places where the caller must know the event is recorded before it answers; where it need not, use the outbox.
 */
public class EventPublisher {

    private final KafkaOperations<Object, Object> kafka;
    private final Duration timeout;
    private final UploadTraces traces;

    public EventPublisher(KafkaOperations<Object, Object> kafka, Duration timeout) {
        this(kafka, timeout, UploadTraces.none());
    }

    /** A publisher that sends each event inside its upload's trace ({@link UploadTraces}). */
    public EventPublisher(KafkaOperations<Object, Object> kafka, Duration timeout, UploadTraces traces) {
        this.kafka = kafka;
        this.timeout = timeout;
        this.traces = traces;
    }

    /** Publishes one event and waits for its acknowledgement. */
    public <V> void publish(Topic<V> topic, UUID fileId, V event) {
        publishAll(topic, Map.of(fileId, event));
    }

    /** Publishes several events of one topic at once and waits until all are acknowledged. */
    public <V> void publishAll(Topic<V> topic, Map<UUID, V> eventsByFileId) {
        List<CompletableFuture<?>> sends = new ArrayList<>(eventsByFileId.size());
        try {
            eventsByFileId.forEach((fileId, event) -> sends.add(
                    traces.publishing(fileId.toString(), () -> kafka.send(topic.name(), fileId.toString(), event))));
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventsUnavailable(topic.name(), e);
        } catch (ExecutionException e) {
            throw new EventsUnavailable(topic.name(), e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            // send() itself throws when the producer cannot get the topic's metadata within max.block.ms.
            throw new EventsUnavailable(topic.name(), e);
        }
    }
}
