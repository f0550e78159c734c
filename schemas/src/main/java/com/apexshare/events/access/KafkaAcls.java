package com.apexshare.events.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import com.apexshare.events.Topic;

/**
 * The ACLs of the cluster, generated from {@link TopicOwnership}: allow rules only (a cluster with an authorizer and
 * {@code allow.everyone.if.no.acl.found=false} denies the rest). Per client:
 * <ul>
 * <li>a producer: Write on each topic it owns (Write implies Describe), IdempotentWrite on the cluster if its producers
 * are idempotent (brokers before 3.0 require it; later ones accept Write on any topic);</li>
 * <li>a consumer: Read on each topic it consumes and on its consumer group (Read implies Describe, which offset
 * commits and fetches need), and Write on its own dead-letter topics;</li>
 * <li>the topics job: Create, Describe, Alter, DescribeConfigs and AlterConfigs on the {@code apexshare.} topics, never
 * Read or Write.</li>
 * </ul>
 * No client uses transactions, so there are no transactional-id rules.
 *
 * <p>{@link #render} gives the line form the Helm chart's ACL job and docker-compose.yml apply with
 * {@code kafka-acls.sh}; {@link #main} prints it for the default user and group names.
 */
public final class KafkaAcls {

    /** The resource name of the cluster in ACLs. */
    public static final String CLUSTER = "kafka-cluster";

    private KafkaAcls() {
    }

    /**
     * How one deployment names a client: its SCRAM user and, if it consumes, its consumer group (a prefix for
     * {@link KafkaClient.GroupMatch#PREFIXED} clients).
     */
    public record Identity(String user, Optional<String> group) {
        public Identity {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(group, "group");
            if (user.isBlank()) {
                throw new IllegalArgumentException("user must not be blank");
            }
        }

        /** The client's default names: {@link KafkaClient#defaultUser()} and its default group. */
        public static Identity defaults(KafkaClient client) {
            return new Identity(client.defaultUser(), client.consumerGroup().map(KafkaClient.ConsumerGroup::name));
        }

        /** {@code User:<user>}, the principal the broker's SASL/SCRAM authentication gives the client. */
        public String principal() {
            return "User:" + user;
        }
    }

    /** The bindings of every client with its default names. */
    public static List<AclBinding> defaults() {
        return bindings(Identity::defaults);
    }

    /** The bindings of every client, named by {@code identities}. */
    public static List<AclBinding> bindings(Function<KafkaClient, Identity> identities) {
        List<AclBinding> all = new ArrayList<>();
        for (KafkaClient client : TopicOwnership.all()) {
            all.addAll(bindings(client, identities.apply(client)));
        }
        return List.copyOf(all);
    }

    /** The bindings of one client. */
    public static List<AclBinding> bindings(KafkaClient client, Identity identity) {
        String principal = identity.principal();
        List<AclBinding> acls = new ArrayList<>();
        for (Topic<?> topic : client.produces()) {
            acls.add(allow(principal, ResourceType.TOPIC, PatternType.LITERAL, topic.name(), AclOperation.WRITE));
        }
        if (client.idempotent() && !client.produces().isEmpty()) {
            acls.add(allow(principal, ResourceType.CLUSTER, PatternType.LITERAL, CLUSTER,
                    AclOperation.IDEMPOTENT_WRITE));
        }
        if (!client.consumes().isEmpty()) {
            KafkaClient.ConsumerGroup group = client.consumerGroup().orElseThrow();
            String groupName = identity.group()
                    .orElseThrow(() -> new IllegalArgumentException(client.name() + " needs a consumer group"));
            for (Topic<?> topic : client.consumes()) {
                acls.add(allow(principal, ResourceType.TOPIC, PatternType.LITERAL, topic.name(), AclOperation.READ));
            }
            PatternType groupPattern =
                    group.match() == KafkaClient.GroupMatch.PREFIXED ? PatternType.PREFIXED : PatternType.LITERAL;
            acls.add(allow(principal, ResourceType.GROUP, groupPattern, groupName, AclOperation.READ));
            for (String deadLetter : client.deadLetters(groupName)) {
                acls.add(allow(principal, ResourceType.TOPIC, PatternType.LITERAL, deadLetter, AclOperation.WRITE));
            }
        }
        if (client.administersTopics()) {
            for (AclOperation op : List.of(AclOperation.CREATE, AclOperation.DESCRIBE, AclOperation.ALTER,
                    AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS)) {
                acls.add(allow(principal, ResourceType.TOPIC, PatternType.PREFIXED, TopicOwnership.TOPIC_PREFIX, op));
            }
        }
        return List.copyOf(acls);
    }

    private static AclBinding allow(String principal, ResourceType type, PatternType pattern, String name,
            AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    /**
     * One line per principal and resource, sorted: {@code <principal> <TOPIC|GROUP|CLUSTER> <LITERAL|PREFIXED> <name>
     * <Operation,...>}, the operations spelled as {@code kafka-acls.sh --operation} takes them. Only allow rules for
     * any host are rendered (the only kind {@link #bindings} makes).
     */
    public static List<String> render(Collection<AclBinding> bindings) {
        Map<String, TreeSet<String>> lines = new TreeMap<>();
        for (AclBinding b : bindings) {
            if (b.entry().permissionType() != AclPermissionType.ALLOW || !"*".equals(b.entry().host())) {
                throw new IllegalArgumentException("only allow rules for any host render: " + b);
            }
            String key = String.join(" ", b.entry().principal(), b.pattern().resourceType().name(),
                    b.pattern().patternType().name(), b.pattern().name());
            lines.computeIfAbsent(key, k -> new TreeSet<>()).add(operationName(b.entry().operation()));
        }
        return lines.entrySet().stream().map(e -> e.getKey() + " " + String.join(",", e.getValue()))
                .collect(Collectors.toList());
    }

    /** {@code IDEMPOTENT_WRITE} -> {@code IdempotentWrite}, the command-line tools' spelling. */
    static String operationName(AclOperation operation) {
        StringBuilder name = new StringBuilder();
        for (String word : operation.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    /** Prints the rendered bindings for the default user and group names (docker-compose.yml's kafka-acls list). */
    public static void main(String[] args) {
        render(defaults()).forEach(System.out::println);
    }
}
