package com.apexshare.events.access;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.apexshare.events.Topic;

/**
 * One client of the cluster with a principal of its own: a service, the S3 notification bridge, the topics job or the
 * analytics readers.
 *
 * @param name             stable key of the client (the service's module name, {@code s3-bridge}, ...)
 * @param defaultUser      its SCRAM user name unless a deployment names it otherwise
 * @param consumerGroup    its consumer group, when it consumes ({@link GroupMatch} says how the group is matched)
 * @param produces         topics it writes
 * @param consumes         topics it reads with its consumer group; a service also writes their dead-letter topics
 *                         ({@code <topic>.<group>.dlt}) when {@code writesDeadLetters}
 * @param writesDeadLetters a record it cannot process goes to its own dead-letter topic of the consumed topic
 * @param idempotent       its producers are idempotent ({@code enable.idempotence=true}): IdempotentWrite on the cluster
 * @param administersTopics creates topics, grows partitions and changes topic configuration, reads and writes nothing
 */
public record KafkaClient(String name, String defaultUser, Optional<ConsumerGroup> consumerGroup,
        List<Topic<?>> produces, List<Topic<?>> consumes, boolean writesDeadLetters, boolean idempotent,
        boolean administersTopics) {

    /** How the consumer group of a client is matched: one exact group, or every group starting with a prefix. */
    public enum GroupMatch {
        /** A service: exactly its configured group ({@code <SERVICE>_CONSUMER_GROUP}). */
        LITERAL,
        /** Analytics readers: any group starting with the prefix, one per tool or job. */
        PREFIXED
    }

    /** A consumer group name (or prefix) and how it is matched. */
    public record ConsumerGroup(String name, GroupMatch match) {
        public ConsumerGroup {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(match, "match");
            if (name.isBlank()) {
                throw new IllegalArgumentException("consumer group must not be blank");
            }
        }
    }

    public KafkaClient {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultUser, "defaultUser");
        Objects.requireNonNull(consumerGroup, "consumerGroup");
        produces = List.copyOf(produces);
        consumes = List.copyOf(consumes);
        if (!consumes.isEmpty() && consumerGroup.isEmpty()) {
            throw new IllegalArgumentException(name + " consumes without a consumer group");
        }
        if (writesDeadLetters && consumerGroup.map(g -> g.match() != GroupMatch.LITERAL).orElse(true)) {
            throw new IllegalArgumentException(name + ": dead-letter topics need one literal consumer group");
        }
    }

    /** The dead-letter topics this client writes with its default group (empty unless it writes dead letters). */
    public List<String> deadLetters() {
        return deadLetters(consumerGroup.map(ConsumerGroup::name).orElse(""));
    }

    /** The dead-letter topics this client writes when its consumer group is {@code group}. */
    public List<String> deadLetters(String group) {
        if (!writesDeadLetters) {
            return List.of();
        }
        return consumes.stream().map(t -> t.deadLetter(group)).toList();
    }
}
