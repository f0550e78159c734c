package com.apexshare.events.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.apexshare.events.access.TopicOwnership;
import com.apexshare.events.serde.AvroEventDeserializer;
import com.apexshare.events.serde.EventDecodingFailed;

/**
 * Prints a topic's events as JSON lines, from the beginning, until interrupted or until {@code --max} events:
 * {@code java -cp schemas.jar:... com.apexshare.events.tools.PrintTopic localhost:9092 apexshare.upload-completed.v1}.
 * The example analytics consumers start from. On a cluster with ACLs, {@code --command-config analytics.properties}
 * logs in as the analytics principal, which may read every event topic with a group of its prefix.
 */
public final class PrintTopic {

    private PrintTopic() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length % 2 != 0) {
            System.err.println("usage: PrintTopic <bootstrap-servers> <topic> [--max N] [--command-config FILE]");
            System.exit(2);
        }
        long max = Long.MAX_VALUE;
        Properties props = new Properties();
        for (int i = 2; i < args.length; i += 2) {
            switch (args[i]) {
                case "--max" -> max = Long.parseLong(args[i + 1]);
                // Client settings such as the analytics principal's SASL login (docs/operations.md, 3.9).
                case "--command-config" -> {
                    try (Reader in = Files.newBufferedReader(Path.of(args[i + 1]), StandardCharsets.UTF_8)) {
                        props.load(in);
                    }
                }
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        // A group of the analytics prefix: the one the cluster's ACLs let the analytics principal use.
        props.put(ConsumerConfig.GROUP_ID_CONFIG, TopicOwnership.ANALYTICS.consumerGroup().orElseThrow().name()
                + "print-topic-" + ProcessHandle.current().pid());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of(args[1]));
            print(consumer, new AvroEventDeserializer(), System.out, max);
        }
    }

    static void print(KafkaConsumer<String, byte[]> consumer, AvroEventDeserializer deserializer, PrintStream out,
            long max) throws IOException {
        long printed = 0;
        while (printed < max) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                try {
                    out.println(toJson(deserializer.deserialize(record.topic(), record.value())));
                } catch (EventDecodingFailed e) {
                    out.println("{\"undecodable\": true, \"partition\": " + record.partition() + ", \"offset\": "
                            + record.offset() + "}");
                }
                if (++printed >= max) {
                    return;
                }
            }
        }
    }

    /** Avro's JSON encoding of an event (timestamps as epoch milliseconds, dates as epoch days). */
    public static String toJson(SpecificRecord event) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonEncoder encoder = EncoderFactory.get().jsonEncoder(event.getSchema(), bytes);
        new SpecificDatumWriter<SpecificRecord>(event.getSchema(), SpecificData.getForSchema(event.getSchema()))
                .write(event, encoder);
        encoder.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
