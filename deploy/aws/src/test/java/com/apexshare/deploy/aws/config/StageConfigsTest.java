package com.apexshare.deploy.aws.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.apexshare.deploy.aws.Synth;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The stage configurations load, and a broken one is refused with every problem named. */
class StageConfigsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldLoadTheCommittedStagesWithTheirRetention() {
        // When loading dev, staging and prod
        // Then each has its retention and its own names
        assertThat(StageConfigs.STAGES).extracting(s -> StageConfigs.load(Synth.BASE_DIR, s).retentionDays())
                .containsExactly(7, 14, 90);
        assertThat(StageConfigs.STAGES).extracting(s -> StageConfigs.load(Synth.BASE_DIR, s).storage().bucketName())
                .doesNotHaveDuplicates();
        assertThat(StageConfigs.load(Synth.BASE_DIR, "prod").retentionPeriod()).isEqualTo("P90D");
    }

    @Test
    void shouldRefuseAnUnknownKeySoThatATypoNeverFallsBackToADefault() throws IOException {
        // Given prod's configuration with a misspelt key
        write("prod", c -> ((ObjectNode) c.get("storage")).put("expiryMarginDay", 3));

        // When loading it
        // Then the key is named
        assertThatThrownBy(() -> StageConfigs.load(dir, "prod"))
                .isInstanceOf(InvalidStageConfig.class)
                .hasMessageContaining("expiryMarginDay");
    }

    @Test
    void shouldNameEveryProblemAtOnce() throws IOException {
        // Given prod's configuration with five mistakes
        write("prod", c -> {
            ((ObjectNode) c.get("storage")).put("infrequentAccessAfterDays", 20);
            ((ArrayNode) c.get("storage").get("corsAllowedOrigins")).add("*");
            ((ObjectNode) c.get("email")).put("fromAddress", "no-reply@elsewhere.example");
            ((ObjectNode) c.get("cluster")).put("oidcIssuer", "https://oidc.eks.eu-west-1.amazonaws.com/id/X");
            ((ObjectNode) c.get("cdn")).put("publicKeyFile", "keys/missing.pem");
        });

        // When loading it
        // Then each is reported
        assertThatThrownBy(() -> StageConfigs.load(dir, "prod"))
                .isInstanceOfSatisfying(InvalidStageConfig.class, e -> assertThat(e.problems()).hasSize(5)
                        .anySatisfy(p -> assertThat(p).contains("infrequentAccessAfterDays must be at least 30"))
                        .anySatisfy(p -> assertThat(p).contains("CORS origin '*'"))
                        .anySatisfy(p -> assertThat(p).contains("email.fromAddress"))
                        .anySatisfy(p -> assertThat(p).contains("cluster.oidcIssuer"))
                        .anySatisfy(p -> assertThat(p).contains("keys/missing.pem")));
    }

    @Test
    void shouldRefuseAnExpiryThatWouldRaceTheCatalogsRetention() throws IOException {
        // Given dev's configuration with no margin between the retention and the bucket's expiry
        write("dev", c -> ((ObjectNode) c.get("storage")).put("expiryMarginDays", 0));

        // Then it is refused
        assertThatThrownBy(() -> StageConfigs.load(dir, "dev"))
                .isInstanceOf(InvalidStageConfig.class)
                .hasMessageContaining("storage.expiryMarginDays must be at least 1");
    }

    @Test
    void shouldRequireAServiceAccountForEveryService() throws IOException {
        // Given dev's configuration without the download service's account
        write("dev", c -> ((ObjectNode) c.get("cluster").get("serviceAccounts")).remove("download"));

        // Then it is refused
        assertThatThrownBy(() -> StageConfigs.load(dir, "dev"))
                .isInstanceOf(InvalidStageConfig.class)
                .hasMessageContaining("cluster.serviceAccounts.download");
    }

    @Test
    void shouldRequireAStageByName() {
        // When no stage or an unknown one is asked for
        // Then the error says which exist
        assertThatThrownBy(() -> StageConfigs.load(Synth.BASE_DIR, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-c stage=<dev|staging|prod>");
        assertThatThrownBy(() -> StageConfigs.load(Synth.BASE_DIR, "qa"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stages: dev, staging, prod");
    }

    private void write(String stage, Consumer<ObjectNode> change) throws IOException {
        ObjectNode config = (ObjectNode) JSON.readTree(Synth.BASE_DIR.resolve("config/" + stage + ".json").toFile());
        change.accept(config);
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/" + stage + ".json"), JSON.writeValueAsString(config));
        Path keys = Synth.BASE_DIR.resolve("keys");
        Files.createDirectories(dir.resolve("keys"));
        try (var files = Files.list(keys)) {
            for (Path key : files.toList()) {
                Files.copy(key, dir.resolve("keys").resolve(key.getFileName()));
            }
        }
    }
}
