package com.apexshare.events.evolution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Checks current schemas against released ones. Runs in every build ({@code process-classes}) through {@link #main},
 * failing the build when a change is not both backward compatible (the new reader reads old events) and forward
 * compatible (old readers read new events).
 */
public final class SchemaEvolutionGuard {

    private SchemaEvolutionGuard() {
    }

    /** One incompatibility between a current schema and a released version of it. */
    public record Violation(String schema, String releasedVersion, String direction, String detail) {
        @Override
        public String toString() {
            return schema + " vs released " + releasedVersion + " (" + direction + "): " + detail;
        }
    }

    /**
     * @param current  current schemas
     * @param released released versions, keyed by a label such as {@code UploadInitiated.v1}
     * @return every violation found; empty when the change may ship
     */
    public static List<Violation> check(Collection<Schema> current, Map<String, Schema> released) {
        List<Violation> violations = new ArrayList<>();
        for (Map.Entry<String, Schema> entry : released.entrySet()) {
            Schema old = entry.getValue();
            Schema now = current.stream().filter(s -> s.getFullName().equals(old.getFullName())).findFirst()
                    .orElse(null);
            if (now == null) {
                violations.add(new Violation(old.getFullName(), entry.getKey(), "removed",
                        "a released event schema must not disappear"));
                continue;
            }
            compare(now, old, entry.getKey(), "backward: current reader, released writer", violations);
            compare(old, now, entry.getKey(), "forward: released reader, current writer", violations);
        }
        return violations;
    }

    private static void compare(Schema reader, Schema writer, String label, String direction, List<Violation> out) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        for (SchemaCompatibility.Incompatibility problem : result.getResult().getIncompatibilities()) {
            out.add(new Violation(reader.getFullName(), label, direction,
                    describe(problem.getLocation(), reader) + ": " + problem.getMessage()));
        }
        if (result.getType() != SchemaCompatibilityType.COMPATIBLE && result.getResult().getIncompatibilities().isEmpty()) {
            out.add(new Violation(reader.getFullName(), label, direction, result.getDescription()));
        }
    }

    /** Turns Avro's {@code /fields/6/type} into {@code field 'eTag' (/fields/6/type)} for the person reading the build log. */
    private static String describe(String location, Schema reader) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^/fields/(\\d+)").matcher(location);
        if (m.find() && reader.getType() == Schema.Type.RECORD) {
            int index = Integer.parseInt(m.group(1));
            if (index < reader.getFields().size()) {
                return "field '" + reader.getFields().get(index).name() + "' (" + location + ")";
            }
        }
        return location;
    }

    /** Parses every {@code *.avsc} of a directory, each with a fresh parser so that versions do not clash. */
    public static Map<String, Schema> readDirectory(Path dir) {
        Map<String, Schema> schemas = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
                String label = file.getFileName().toString().replaceFirst("\\.avsc$", "");
                schemas.put(label, new Schema.Parser().parse(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schemas in " + dir, e);
        }
        return schemas;
    }

    /**
     * Build entry point.
     *
     * @param args the directory of current schemas, then the directory of released versions
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SchemaEvolutionGuard <current-schema-dir> <released-schema-dir>");
        }
        Collection<Schema> current = readDirectory(Path.of(args[0])).values();
        Map<String, Schema> released = readDirectory(Path.of(args[1]));
        List<Violation> violations = check(current, released);
        if (!violations.isEmpty()) {
            StringBuilder message = new StringBuilder("Incompatible event schema change:");
            violations.forEach(v -> message.append(System.lineSeparator()).append("  ").append(v));
            throw new IllegalStateException(message.toString());
        }
        System.out.printf("Schema evolution guard: %d current schemas compatible with %d released versions%n",
                current.size(), released.size());
    }
}
