package com.apexshare.platform.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Upload traces in the service's own {@code trace_context} table (event key, W3C {@code traceparent}, created at).
 * The first trace remembered for a key wins. Looked-up traces are cached (bounded), and a database failure never
 * fails a send or a record: the event then carries the trace of whatever published it.
 */
class JdbcUploadTraces implements UploadTraces {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcUploadTraces.class);
    static final String HEADER = "traceparent";
    private static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final int CACHE_SIZE = 10_000;
    /** A trace is for following an upload through its first days; older rows go (one purge per this many inserts). */
    static final Duration RETENTION = Duration.ofDays(7);
    private static final int PURGE_EVERY = 1_000;
    private static final int PURGE_BATCH = 10_000;

    private final JdbcClient jdbc;
    private final Tracer tracer;
    private final Propagator propagator;
    private final Clock clock;
    private final Map<String, String> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    private volatile Boolean tablePresent;
    private final AtomicLong inserts = new AtomicLong();

    JdbcUploadTraces(JdbcClient jdbc, Tracer tracer, Propagator propagator, Clock clock) {
        this.jdbc = jdbc;
        this.tracer = tracer;
        this.propagator = propagator;
        this.clock = clock;
    }

    @Override
    public <T> T publishing(String key, Supplier<T> send) {
        Optional<String> upload = find(key);
        TraceContext current = tracer.currentTraceContext().context();
        if (upload.isEmpty()) {
            if (current != null) {
                seen(key, traceparent(current));
            }
            return send.get();
        }
        if (current != null && upload.get().contains(current.traceId())) {
            return send.get();
        }
        Span.Builder builder = propagator.extract(Map.of(HEADER, upload.get()), Map::get).name("upload event")
                .kind(Span.Kind.PRODUCER);
        if (current != null) {
            // The request or run that published it, for the trace viewer: a link, not the parent.
            builder = builder.addLink(new Link(current));
        }
        Span span = builder.start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return send.get();
        } finally {
            span.end();
        }
    }

    @Override
    public void appended(String key) {
        TraceContext current = tracer.currentTraceContext().context();
        if (current != null) {
            seen(key, traceparent(current));
        }
    }

    @Override
    public void seen(String key, String traceparent) {
        if (key == null || traceparent == null || !TRACEPARENT.matcher(traceparent).matches() || !enabled()) {
            return;
        }
        synchronized (cache) {
            if (cache.containsKey(key)) {
                return;
            }
        }
        try {
            jdbc.sql("INSERT INTO trace_context (event_key, traceparent, created_at) VALUES (:key, :traceparent, :at) "
                    + "ON CONFLICT (event_key) DO NOTHING")
                    .param("key", key).param("traceparent", traceparent)
                    .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
            // Another replica may have been first: cache what the table holds, not what was offered.
            find(key);
            if (inserts.incrementAndGet() % PURGE_EVERY == 0) {
                purgeOlderThan(clock.instant().minus(RETENTION));
            }
        } catch (RuntimeException e) {
            LOG.debug("Could not remember the trace of {}: {}", key, e.toString());
        }
    }

    /** Removes up to a batch of rows older than the cutoff; called now and then, so the table stays bounded. */
    int purgeOlderThan(java.time.Instant cutoff) {
        try {
            return jdbc.sql("DELETE FROM trace_context WHERE event_key IN (SELECT event_key FROM trace_context "
                    + "WHERE created_at < :cutoff LIMIT :batch)")
                    .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)).param("batch", PURGE_BATCH)
                    .update();
        } catch (RuntimeException e) {
            LOG.debug("Could not purge old upload traces: {}", e.toString());
            return 0;
        }
    }

    private Optional<String> find(String key) {
        if (key == null || !enabled()) {
            return Optional.empty();
        }
        synchronized (cache) {
            String cached = cache.get(key);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        try {
            Optional<String> stored = jdbc.sql("SELECT traceparent FROM trace_context WHERE event_key = :key")
                    .param("key", key).query(String.class).optional();
            stored.ifPresent(value -> {
                synchronized (cache) {
                    cache.put(key, value);
                }
            });
            return stored;
        } catch (RuntimeException e) {
            LOG.debug("Could not look up the trace of {}: {}", key, e.toString());
            return Optional.empty();
        }
    }

    private String traceparent(TraceContext context) {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** Whether the service created the table (its Flyway migrations have run by the first event). */
    private boolean enabled() {
        Boolean present = tablePresent;
        if (present == null) {
            try {
                present = jdbc.sql("SELECT to_regclass('trace_context') IS NOT NULL").query(Boolean.class).single();
                tablePresent = present;
                LOG.info(present ? "Upload traces: on (trace_context table)" : "Upload traces: off (no trace_context table)");
            } catch (RuntimeException e) {
                return false;
            }
        }
        return present;
    }
}
