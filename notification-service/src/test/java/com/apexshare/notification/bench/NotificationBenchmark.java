package com.apexshare.notification.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.builder.SpringApplicationBuilder;

import com.apexshare.notification.support.DownloadServiceStandIn;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.apexshare.devstack.BenchmarkReport;
import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.FixedRateLoad;
import com.apexshare.devstack.SpringProperties;
import com.apexshare.events.Topics;
import com.apexshare.events.UploadCompleted;
import com.apexshare.events.UploadInitiated;
import com.apexshare.notification.NotificationServiceApplication;
import com.apexshare.notification.support.Events;

/**
 * Emails per second the service sustains through SMTP into the devstack's GreenMail, with the rate limit raised: N
 * uploads are initiated, then their completions are published to Kafka at once, and the clock runs until GreenMail
 * holds all N emails (listener, table, dispatcher, pacer, template, SMTP, outbox). A second run offers completions at
 * a fixed rate and reports how far behind the last email lands. Not a test: it reports, it does not pass or fail.
 */
public final class NotificationBenchmark {

    private static final int EMAILS = Integer.getInteger("bench.emails", 1000);
    private static final int OFFERED_RATE = Integer.getInteger("bench.rate", 50);
    private static final Duration OFFERED_FOR = Duration.ofSeconds(Integer.getInteger("bench.seconds", 15));

    private NotificationBenchmark() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        // The devstack servers run non-daemon threads; their shutdown hook stops them.
        System.exit(status);
    }

    private static void run() throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        SpringProperties.kafka().forEach(properties::put);
        SpringProperties.jwt().forEach(properties::put);
        SpringProperties.datasource("notification_bench").forEach(properties::put);
        properties.put("server.port", "0");
        properties.put("spring.mail.host", DevStack.smtp().host());
        properties.put("spring.mail.port", Integer.toString(DevStack.smtp().port()));
        properties.put("apexshare.notification.transport", "SMTP");
        properties.put("apexshare.notification.consumer-group", "notification-benchmark");
        properties.put("apexshare.notification.max-send-rate", "100000");
        properties.put("apexshare.notification.dispatcher.sender-threads", "8");
        properties.put("apexshare.notification.dispatcher.max-in-flight", "64");
        properties.put("apexshare.notification.dispatcher.poll-interval", "PT0.05S");
        properties.put("apexshare.platform.outbox.poll-interval", "100ms");
        properties.put("logging.level.com.apexshare", "WARN");

        // As command-line arguments: they override application.yaml (builder properties would only be defaults).
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NotificationServiceApplication.class,
                DownloadServiceStandIn.class).run(arguments)) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);

            drain(jdbc, 50); // warm-up: JIT, connection pools, SMTP connections
            double drained = drain(jdbc, EMAILS);
            BenchmarkReport.record("notification.smtp", "emails/s draining " + EMAILS + " completions", drained,
                    "emails/s", ">= 14 (SES prod quota)");
            io.micrometer.core.instrument.Timer send = context.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                    .get("apexshare.email.send").tag("outcome", "accepted").timer();
            BenchmarkReport.record("notification.smtp", "mean SMTP call (ms)", send.mean(TimeUnit.MILLISECONDS), "ms",
                    "< 50 ms");

            long before = received();
            long start = System.nanoTime();
            FixedRateLoad.Result offered = FixedRateLoad.run(OFFERED_RATE, OFFERED_FOR, 4, seq -> {
                UUID fileId = UUID.randomUUID();
                Events.publish(Events.initiated(fileId, "bench-" + fileId + "@riders.test").build());
                Events.publish(Events.completed(fileId));
            });
            long offeredEnd = System.nanoTime();
            awaitReceived(before + offered.calls() - offered.errors());
            double lagSeconds = (System.nanoTime() - offeredEnd) / 1e9;
            BenchmarkReport.record("notification.smtp", "last email behind offered " + OFFERED_RATE + "/s (s)",
                    lagSeconds, "s", "< 2 s");
            BenchmarkReport.record("notification.smtp", "emails/s at offered " + OFFERED_RATE + "/s",
                    (offered.calls() - offered.errors()) / ((System.nanoTime() - start) / 1e9), "emails/s",
                    ">= " + OFFERED_RATE);
        }
    }

    /** Initiates {@code n} uploads, then completes them all at once; returns emails per second until all arrived. */
    private static double drain(JdbcClient jdbc, int n) {
        UUID[] ids = new UUID[n];
        List<UploadInitiated> initiated = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids[i] = UUID.randomUUID();
            initiated.add(Events.initiated(ids[i], "bench-" + ids[i] + "@riders.test").build());
        }
        Events.publishAll(Topics.UPLOAD_INITIATED, initiated);
        awaitUntil(() -> jdbc.sql("SELECT count(*) FROM upload WHERE file_id = ANY(:ids)")
                .param("ids", ids).query(Long.class).single() == n);
        long before = received();
        long start = System.nanoTime();
        List<UploadCompleted> completed = new ArrayList<>(n);
        for (UUID id : ids) {
            completed.add(Events.completed(id));
        }
        Events.publishAll(Topics.UPLOAD_COMPLETED, completed);
        awaitReceived(before + n);
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static long received() {
        return DevStack.smtp().greenMail().getReceivedMessages().length;
    }

    private static void awaitReceived(long count) {
        awaitUntil(() -> received() >= count);
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Benchmark did not finish within 10 minutes");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
