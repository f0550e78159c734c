package com.apexshare.events.serde;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

import com.apexshare.events.Downloaded;
import com.apexshare.events.EmailDeliveryReported;
import com.apexshare.events.EmailFailed;
import com.apexshare.events.EmailSent;
import com.apexshare.events.LinkActivated;
import com.apexshare.events.LinkIssued;
import com.apexshare.events.LinkRevoked;
import com.apexshare.events.ReminderSettingChanged;
import com.apexshare.events.StudentAddressChanged;
import com.apexshare.events.StudentEmailResent;
import com.apexshare.events.UploadCompleted;
import com.apexshare.events.UploadDeleted;
import com.apexshare.events.UploadExpiryChanged;
import com.apexshare.events.UploadInitiated;

/**
 * Every schema a reader may meet: the current schema of each event (the reader schemas) and every released version
 * of it (possible writer schemas), indexed by CRC-64-AVRO fingerprint. Immutable and thread-safe.
 */
public final class EventSchemas {

    private static final String HISTORY = "/com/apexshare/events/history/";
    private static final List<Schema> CURRENT = List.of(UploadInitiated.getClassSchema(),
            UploadCompleted.getClassSchema(), UploadDeleted.getClassSchema(), EmailSent.getClassSchema(),
            EmailFailed.getClassSchema(), EmailDeliveryReported.getClassSchema(), Downloaded.getClassSchema(),
            LinkIssued.getClassSchema(), LinkActivated.getClassSchema(),
            StudentEmailResent.getClassSchema(), StudentAddressChanged.getClassSchema(),
            UploadExpiryChanged.getClassSchema(), LinkRevoked.getClassSchema(), ReminderSettingChanged.getClassSchema());
    private static final EventSchemas DEFAULT = new EventSchemas(releasedSchemas());

    static {
        trustEventClasses();
    }

    private final Map<Long, Schema> writers = new HashMap<>();
    private final Map<String, Schema> readers = new HashMap<>();

    /**
     * @param extraWriterSchemas writer schemas known besides the current ones, e.g. the released history
     */
    public EventSchemas(Collection<Schema> extraWriterSchemas) {
        for (Schema current : CURRENT) {
            readers.put(current.getFullName(), current);
            writers.put(fingerprint(current), current);
        }
        for (Schema extra : extraWriterSchemas) {
            writers.putIfAbsent(fingerprint(extra), extra);
        }
    }

    /** The current schemas plus every released version shipped in this module. */
    public static EventSchemas defaults() {
        return DEFAULT;
    }

    /** Current (reader) schema of every event. */
    public static List<Schema> current() {
        return CURRENT;
    }

    /** The writer schema with this fingerprint, if known. */
    public Optional<Schema> writer(long fingerprint) {
        return Optional.ofNullable(writers.get(fingerprint));
    }

    /** The current schema of the event with this full name, if it is one. */
    public Optional<Schema> reader(String fullName) {
        return Optional.ofNullable(readers.get(fullName));
    }

    /** CRC-64-AVRO fingerprint of the schema's parsing canonical form, as single-object encoding uses it. */
    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    /** Released schema versions shipped under {@code com/apexshare/events/history}. */
    public static List<Schema> releasedSchemas() {
        List<Schema> released = new ArrayList<>();
        for (String file : readLines(HISTORY + "index.txt")) {
            try (InputStream in = resource(HISTORY + file)) {
                released.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read released schema " + file, e);
            }
        }
        return released;
    }

    /**
     * Avro 1.12 instantiates generated classes only from trusted packages; the event classes are trusted here so that
     * no service has to remember a system property.
     */
    private static void trustEventClasses() {
        ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous,
                c -> c.getName().startsWith("com.apexshare.events.")));
    }

    private static List<String> readLines(String path) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource(path), StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = EventSchemas.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + path + " in the schemas jar");
        }
        return in;
    }
}
