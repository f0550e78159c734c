package com.apexshare.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Kafka broker in KRaft mode, in this JVM. Its log directory survives a restart when it is given
 * a data folder (the local run); tests give it a temporary one. {@link #startSecured} starts one that authenticates
 * and authorizes like a production cluster: SASL/SCRAM-SHA-512 on the client listener, the {@code StandardAuthorizer}
 * with nothing allowed but what ACLs allow.
 */
public final class KafkaBroker implements AutoCloseable {

    /** The SCRAM mechanism of the secured broker's client listener (and the services' {@code KAFKA_SASL_MECHANISM}). */
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

    private final KafkaRaftServer server;
    private final int port;
    private final Path dataDir;
    private final Optional<Credentials> admin;

    private KafkaBroker(KafkaRaftServer server, int port, Path dataDir, Optional<Credentials> admin) {
        this.server = server;
        this.port = port;
        this.dataDir = dataDir;
        this.admin = admin;
    }

    /**
     * A SCRAM user name and password. Kafka's JAAS lines quote them, so both must be free of quotes and backslashes.
     */
    public record Credentials(String user, String password) {
        public Credentials {
            for (String value : List.of(user, password)) {
                if (value.isBlank() || value.contains("\"") || value.contains("\\")) {
                    throw new IllegalArgumentException("SCRAM user names and passwords must be non-blank, without quotes"
                            + " or backslashes");
                }
            }
        }

        @Override
        public String toString() {
            return "Credentials[user=" + user + "]";
        }
    }

    /**
     * Formats the log directory if it is new, then starts the broker.
     *
     * @param dataDir folder for the logs; formatted on first use, reused after
     * @param port    client port, 0 for a free one
     */
    public static KafkaBroker start(Path dataDir, int port) {
        return start(dataDir, port, 0);
    }

    /**
     * @param controllerPort KRaft controller port, 0 for a free one (the local run keeps it fixed across restarts)
     */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort) {
        return start(dataDir, port, controllerPort, Optional.empty());
    }

    /**
     * Starts a broker that authenticates every client and authorizes every request: one SASL_PLAINTEXT listener
     * with SCRAM-SHA-512 for clients (and for the broker's own inter-broker connections, as {@code admin}), the
     * controller listener with PLAIN for {@code admin} only (KRaft cannot check SCRAM there: the credentials live in
     * the metadata it serves), the {@code StandardAuthorizer}, and {@code admin} as the only super user. The admin's
     * SCRAM credentials are written when the storage is formatted; other users are created with the Admin API
     * ({@code alterUserScramCredentials}) by the admin, as the Helm chart's ACL job does. Allowed: what ACLs allow.
     *
     * @param dataDir folder for the logs; formatted on first use, reused after
     * @param admin   the super user
     */
    public static KafkaBroker startSecured(Path dataDir, Credentials admin) {
        return start(dataDir, 0, 0, Optional.of(admin));
    }

    private static KafkaBroker start(Path dataDir, int port, int controllerPort, Optional<Credentials> admin) {
        int clientPort = Ports.orFree(port);
        int quorumPort = Ports.orFree(controllerPort);
        Path logDir = dataDir.resolve("logs");
        try {
            Files.createDirectories(logDir);
            Properties props = config(logDir, clientPort, quorumPort);
            admin.ifPresent(a -> secure(props, clientPort, quorumPort, a));
            Path file = dataDir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(file)) {
                props.store(out, "ApexShare devstack Kafka broker");
            }
            format(file, clusterId(dataDir), admin);
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
            server.startup();
            return new KafkaBroker(server, clientPort, dataDir, admin);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Kafka data folder " + dataDir, e);
        }
    }

    private static void secure(Properties p, int port, int controllerPort, Credentials admin) {
        p.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        p.put("sasl.mechanism.inter.broker.protocol", SCRAM_MECHANISM);
        p.put("listener.name.sasl_plaintext.sasl.enabled.mechanisms", SCRAM_MECHANISM);
        p.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config", scramJaas(admin));
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + admin.user()
                        + "\" password=\"" + admin.password() + "\" user_" + admin.user() + "=\"" + admin.password()
                        + "\";");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + admin.user());
        p.put("allow.everyone.if.no.acl.found", "false");
        // Like managed clusters: topics exist because someone allowed to create them did.
        p.put("auto.create.topics.enable", "false");
    }

    private static String scramJaas(Credentials credentials) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + credentials.user()
                + "\" password=\"" + credentials.password() + "\";";
    }

    private static Properties config(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "3");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        p.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        p.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        return p;
    }

    /** The cluster id is chosen once per data folder: a restart must not re-format with another one. */
    private static String clusterId(Path dataDir) throws IOException {
        Path file = dataDir.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id);
        return id;
    }

    private static void format(Path propertiesFile, String clusterId, Optional<Credentials> admin) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("format", "-t", clusterId, "-c", propertiesFile.toString(),
                "--ignore-formatted"));
        // The inter-broker login needs the admin's SCRAM credentials before any client could create them.
        admin.ifPresent(a -> args.addAll(List.of("--add-scram",
                SCRAM_MECHANISM + "=[name=" + a.user() + ",password=" + a.password() + "]")));
        int rc;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(args.toArray(String[]::new), out);
        }
        if (rc != 0) {
            throw new IllegalStateException("Kafka storage format failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * Client settings to authenticate as {@code user} on the secured broker ({@link #startSecured}): bootstrap
     * servers, SASL_PLAINTEXT and SCRAM-SHA-512 with the JAAS line; on a plain broker only the bootstrap servers.
     */
    public Map<String, Object> clientProperties(Credentials user) {
        if (admin.isEmpty()) {
            return Map.of("bootstrap.servers", bootstrapServers());
        }
        return Map.of("bootstrap.servers", bootstrapServers(), "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", SCRAM_MECHANISM, "sasl.jaas.config", scramJaas(user));
    }

    /** Client settings of the super user of a secured broker. */
    public Map<String, Object> adminProperties() {
        return clientProperties(admin.orElseThrow(() -> new IllegalStateException("not a secured broker")));
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
