package com.apexshare.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Kafka broker in KRaft mode, in this JVM. Its log directory survives a restart when it is given
 * a data folder (the local run); tests give it a temporary one.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Properties config;
    private final int port;
    private final Path dataDir;
    private KafkaRaftServer server;

    private KafkaBroker(KafkaRaftServer server, Properties config, int port, Path dataDir) {
        this.server = server;
        this.config = config;
        this.port = port;
        this.dataDir = dataDir;
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
        int clientPort = Ports.orFree(port);
        int quorumPort = Ports.orFree(controllerPort);
        Path logDir = dataDir.resolve("logs");
        try {
            Files.createDirectories(logDir);
            Properties props = config(logDir, clientPort, quorumPort);
            Path file = dataDir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(file)) {
                props.store(out, "ApexShare devstack Kafka broker");
            }
            format(file, clusterId(dataDir));
            return new KafkaBroker(startServer(props), props, clientPort, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Kafka data folder " + dataDir, e);
        }
    }

    private static KafkaRaftServer startServer(Properties props) {
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
        server.startup();
        return server;
    }

    /**
     * Stops the broker (a clean shutdown, as a rolling restart does) and starts it again on the same ports with the
     * same log directory: clients see it go away and come back. For the fault suite.
     */
    public synchronized void restart() {
        server.shutdown();
        server.awaitShutdown();
        server = startServer(config);
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

    private static void format(Path propertiesFile, String clusterId) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int rc;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", propertiesFile.toString(),
                    "--ignore-formatted"}, out);
        }
        if (rc != 0) {
            throw new IllegalStateException("Kafka storage format failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public synchronized void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
