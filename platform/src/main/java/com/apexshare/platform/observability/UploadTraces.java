package com.apexshare.platform.observability;

import java.util.function.Supplier;

/**
 * The trace each upload began in, by event key (the file id). The platform's publisher and outbox relay send an
 * upload's events inside that trace, and its listeners remember the trace of the first record they see per key, so a
 * download's {@code Downloaded} event carries the trace id of the request that initiated the upload. Active in a
 * service whose database has the {@code trace_context} table (platform/README.md, "Tracing"); elsewhere events carry
 * the trace of whatever published them.
 */
public interface UploadTraces {

    /** Runs {@code send} inside the upload's trace if one is known; otherwise remembers the current trace for it. */
    <T> T publishing(String key, Supplier<T> send);

    /** Remembers the current trace as the upload's, if none is known yet (an event was appended to the outbox). */
    void appended(String key);

    /** Remembers {@code traceparent} (a W3C header value) as the upload's, if none is known yet. */
    void seen(String key, String traceparent);

    /** Does nothing: events carry the trace of whatever published them. */
    static UploadTraces none() {
        return None.INSTANCE;
    }

    /** The no-op traces. */
    enum None implements UploadTraces {
        INSTANCE;

        @Override
        public <T> T publishing(String key, Supplier<T> send) {
            return send.get();
        }

        @Override
        public void appended(String key) {
            // nothing to remember
        }

        @Override
        public void seen(String key, String traceparent) {
            // nothing to remember
        }
    }
}
