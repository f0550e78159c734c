package com.apexshare.catalog.upload.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.apexshare.devstack.DevStack;
import com.apexshare.devstack.Postgres;

/**
 * V50 on a catalog that already holds downloads: the rows of the previous schema survive as they were (id, upload,
 * time, still counted once), with no device family or channel (their events are not re-read), and new rows keep both.
 */
class DownloadTimelineMigrationIntegrationTest {

    @Test
    void shouldKeepTheDownloadsOfThePreviousSchemaWithoutDevices() {
        // Given the previous schema (V2) with an upload downloaded twice
        String url = DevStack.postgres().createDatabase("catalog_upgrade_" + System.nanoTime());
        Flyway previous = flyway(url, "2");
        previous.migrate();
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url + "&currentSchema=catalog",
                Postgres.USER, Postgres.PASSWORD));
        UUID fileId = UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        jdbc.sql("INSERT INTO upload (file_id, trainer_id, download_count, last_download_at) VALUES (:f, 't', 2, :at)")
                .param("f", fileId).param("at", at.atOffset(ZoneOffset.UTC)).update();
        List<UUID> downloads = List.of(UUID.randomUUID(), UUID.randomUUID());
        for (int i = 0; i < downloads.size(); i++) {
            jdbc.sql("INSERT INTO download (download_id, file_id, downloaded_at) VALUES (:d, :f, :at)")
                    .param("d", downloads.get(i)).param("f", fileId)
                    .param("at", at.minusSeconds(10 - i).atOffset(ZoneOffset.UTC)).update();
        }

        // When the new version migrates it
        flyway(url, "latest").migrate();

        // Then the old rows are all there, without devices, and the upload's count is untouched
        List<Map<String, Object>> rows = jdbc.sql("SELECT download_id, file_id, user_agent_family, channel"
                + " FROM download WHERE file_id = :f ORDER BY downloaded_at DESC, download_id DESC")
                .param("f", fileId).query().listOfRows();
        assertThat(rows).extracting(r -> r.get("download_id")).containsExactly(downloads.get(1), downloads.get(0));
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("user_agent_family")).isNull();
            assertThat(r.get("channel")).isNull();
        });
        assertThat(jdbc.sql("SELECT download_count FROM upload WHERE file_id = :f").param("f", fileId)
                .query(Long.class).single()).isEqualTo(2);
        // And the timeline's index is there
        assertThat(jdbc.sql("SELECT count(*) FROM pg_indexes WHERE schemaname = 'catalog'"
                + " AND indexname = 'download_file_recent'").query(Long.class).single()).isEqualTo(1);
    }

    private static Flyway flyway(String url, String target) {
        return Flyway.configure().dataSource(url, Postgres.USER, Postgres.PASSWORD).schemas("catalog")
                .defaultSchema("catalog").createSchemas(true).target(target).load();
    }
}
