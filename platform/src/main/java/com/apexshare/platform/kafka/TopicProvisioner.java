package com.apexshare.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

import com.apexshare.events.Topic;
import com.apexshare.events.Topics;

/**
 * Creates, before the listeners start, every topic of the catalog and the dead-letter topic of each (topic, consumer
 * group) that this service's listeners consume, with the catalog's partition counts (existing topics are left as they
 * are). Whichever service starts first, the topics exist; a dead letter always has somewhere to go. When the broker
 * is not reachable the service starts anyway and the creation is retried in the background until it succeeds (a
 * dead letter that finds no topic meanwhile is delivered again, not lost). On a cluster with ACLs the service's
 * principal may create nothing (and sees only its own topics): the topics job creates them, so a refusal is final,
 * logged once, not retried.
 */
public class TopicProvisioner implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final KafkaAdmin admin;
    private final KafkaListenerEndpointRegistry listeners;
    private ScheduledExecutorService retries;
    private volatile boolean running;

    public TopicProvisioner(KafkaAdmin admin, KafkaListenerEndpointRegistry listeners) {
        this.admin = admin;
        this.listeners = listeners;
    }

    /** The catalog's topics and the dead-letter topics of this service's listeners, by name. */
    List<NewTopic> wanted() {
        Map<String, NewTopic> topics = new LinkedHashMap<>();
        for (Topic<?> topic : Topics.all()) {
            topics.put(topic.name(), new NewTopic(topic.name(), Optional.of(topic.partitions()), Optional.empty()));
        }
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            String group = container.getGroupId();
            String[] consumed = container.getContainerProperties().getTopics();
            if (group == null || consumed == null) {
                continue;
            }
            for (String name : consumed) {
                int partitions = Topics.byName(name).map(Topic::partitions).orElse(1);
                String deadLetter = Topics.deadLetter(name, group);
                topics.put(deadLetter, new NewTopic(deadLetter, Optional.of(partitions), Optional.empty()));
            }
        }
        return new ArrayList<>(topics.values());
    }

    @Override
    public void start() {
        running = true;
        List<NewTopic> topics = wanted();
        if (!createMissing(topics)) {
            retries = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "topic-provisioner");
                t.setDaemon(true);
                return t;
            });
            schedule(topics, Duration.ofSeconds(1));
        }
    }

    private void schedule(List<NewTopic> topics, Duration pause) {
        retries.schedule(() -> {
            if (running && !createMissing(topics)) {
                Duration next = pause.multipliedBy(2);
                schedule(topics, next.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : next);
            }
        }, pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Creates what is missing; true when every topic exists afterwards. */
    boolean createMissing(List<NewTopic> topics) {
        Map<String, Object> config = new HashMap<>(admin.getConfigurationProperties());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ATTEMPT_TIMEOUT.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ATTEMPT_TIMEOUT.toMillis());
        try (Admin client = Admin.create(config)) {
            var existing = client.listTopics().names().get(ATTEMPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return true;
            }
            var results = client.createTopics(missing).values();
            List<String> created = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            for (var result : results.entrySet()) {
                try {
                    result.getValue().get(ATTEMPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(result.getKey());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TopicAuthorizationException) {
                        refused.add(result.getKey());
                    } else if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            if (!created.isEmpty()) {
                LOG.info("Created {} topic(s): {}", created.size(), created);
            }
            if (!refused.isEmpty()) {
                // Other services' topics are invisible to this principal, and its own are the topics job's to create.
                LOG.info("Not allowed to create {} topic(s) (the cluster's ACLs; the topics job creates them): {}",
                        refused.size(), refused);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.warn("Could not create the topics yet (the broker may be unreachable); retrying: {}", e.toString());
            return false;
        }
    }

    @Override
    public void stop() {
        running = false;
        if (retries != null) {
            retries.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the listener containers, so that their dead-letter topics exist when they first need them. */
    @Override
    public int getPhase() {
        return AbstractMessageListenerContainer.DEFAULT_PHASE - 10;
    }
}
