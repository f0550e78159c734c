package com.apexshare.events.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.apexshare.events.serde.EventSchemas;

class SchemaEvolutionGuardTest {

    private static final Path CURRENT = Path.of("src/main/avro");
    private static final Path RELEASED = Path.of("src/main/resources/com/apexshare/events/history");

    @Test
    void shouldAcceptTheCurrentSchemasAgainstEveryReleasedVersion() {
        assertThat(SchemaEvolutionGuard.check(EventSchemas.current(), SchemaEvolutionGuard.readDirectory(RELEASED)))
                .isEmpty();
    }

    @Test
    void shouldListEveryReleasedSchemaInTheRuntimeIndex() throws IOException {
        List<String> index = Files.readAllLines(RELEASED.resolve("index.txt"));
        assertThat(index).containsExactlyInAnyOrderElementsOf(
                SchemaEvolutionGuard.readDirectory(RELEASED).keySet().stream().map(k -> k + ".avsc").toList());
        assertThat(EventSchemas.releasedSchemas()).hasSize(index.size());
    }

    @Test
    void shouldAcceptAnOptionalFieldWithADefault() {
        Schema released = sample("""
                {"name":"size","type":"long"}""");
        Schema changed = sample("""
                {"name":"size","type":"long"},{"name":"codec","type":["null","string"],"default":null}""");

        assertThat(SchemaEvolutionGuard.check(List.of(changed), Map.of("Sample.v1", released))).isEmpty();
    }

    @Test
    void shouldRejectARequiredFieldWithoutDefault() {
        // Given a release and a change that adds a field new readers cannot fill from old events
        Schema released = sample("""
                {"name":"size","type":"long"}""");
        Schema breaking = sample("""
                {"name":"size","type":"long"},{"name":"codec","type":"string"}""");

        // When the guard compares them
        List<SchemaEvolutionGuard.Violation> violations =
                SchemaEvolutionGuard.check(List.of(breaking), Map.of("Sample.v1", released));

        // Then the backward direction is reported
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.direction()).startsWith("backward");
            assertThat(v.detail()).contains("codec");
        });
    }

    @Test
    void shouldRejectATypeChangeInBothDirectionsAndARemovedEvent() {
        Schema released = sample("""
                {"name":"size","type":"long"}""");
        Schema breaking = sample("""
                {"name":"size","type":"string"}""");

        assertThat(SchemaEvolutionGuard.check(List.of(breaking), Map.of("Sample.v1", released)))
                .extracting(SchemaEvolutionGuard.Violation::direction)
                .anySatisfy(d -> assertThat(d).startsWith("backward"))
                .anySatisfy(d -> assertThat(d).startsWith("forward"));
        assertThat(SchemaEvolutionGuard.check(List.of(), Map.of("Sample.v1", released)))
                .extracting(SchemaEvolutionGuard.Violation::direction).containsExactly("removed");
    }

    @Test
    void shouldFailTheBuildEntryPointOnABreakingChange(@TempDir Path dir) throws IOException {
        // Given a copy of the real schemas where UploadCompleted loses its required eTag field's type
        Path current = Files.createDirectories(dir.resolve("current"));
        try (var files = Files.list(CURRENT)) {
            for (Path file : files.toList()) {
                Files.copy(file, current.resolve(file.getFileName()));
            }
        }
        Path completed = current.resolve("UploadCompleted.avsc");
        Files.writeString(completed, Files.readString(completed)
                .replace("{\"name\": \"eTag\", \"type\": \"string\"", "{\"name\": \"eTag\", \"type\": \"long\""));

        // When / Then the build entry point refuses it and names the field
        assertThatIllegalStateException()
                .isThrownBy(() -> SchemaEvolutionGuard.main(new String[] {current.toString(), RELEASED.toString()}))
                .withMessageContaining("UploadCompleted").withMessageContaining("eTag");
    }

    private static Schema sample(String fields) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Sample\",\"namespace\":\"t\",\"fields\":["
                + fields + "]}");
    }
}
