package com.apexshare.events.serde;

import java.util.Locale;

/**
 * The record announces a writer schema that this reader does not know: written by a newer producer whose schema has
 * not reached this service yet, or not an ApexShare event at all.
 */
public final class UnknownSchemaFingerprint extends EventDecodingFailed {

    private final long fingerprint;

    UnknownSchemaFingerprint(String topic, long fingerprint) {
        super(topic, String.format(Locale.ROOT,
                "Unknown writer schema fingerprint %016x on topic %s: not a known version of any ApexShare event",
                fingerprint, topic), null);
        this.fingerprint = fingerprint;
    }

    /** CRC-64-AVRO fingerprint announced by the record. */
    public long fingerprint() {
        return fingerprint;
    }
}
