package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.apexshare.download.link.DownloadChannel;
import com.apexshare.download.link.DownloadLog;
import com.apexshare.download.link.messaging.DownloadedOutbox;
import com.apexshare.events.Topics;
import com.apexshare.events.serde.AvroEventSerializer;

/**
 * Moves the openings still waiting in the old {@code downloaded_outbox} (typed columns, relayed by the service's own
 * relay) into the platform's {@code outbox} as the {@code Downloaded} events the service publishes today, then drops
 * the old table, so that nothing recorded before the upgrade is lost. The old table is locked first, which waits for
 * an old replica's relay run in progress: the rows it sent are deleted by its commit before the copy (or, if it rolls
 * back, copied and sent once more, which consumers absorb by {@code downloadId}); no old replica adds a row after the
 * copy. Flyway runs this in one transaction: on failure nothing moves. The events are built by the service's own
 * mapping ({@link DownloadedOutbox#event}), so the moved openings are published exactly as new ones are.
 */
public class V3__move_downloaded_outbox extends BaseJavaMigration {

    private static final int BATCH = 1_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement lock = connection.createStatement()) {
            lock.execute("LOCK TABLE downloaded_outbox IN ACCESS EXCLUSIVE MODE");
        }
        AvroEventSerializer avro = new AvroEventSerializer();
        String topic = Topics.DOWNLOADED.name();
        try (Statement read = connection.createStatement();
             PreparedStatement write = connection.prepareStatement("""
                     INSERT INTO outbox (topic, event_key, payload, created_at, attempts) VALUES (?, ?, ?, ?, ?)
                     """)) {
            // A cursor, not the whole table in memory: a long Kafka outage leaves many rows.
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = read.executeQuery("""
                    SELECT download_id, file_id, occurred_at, user_agent_family, channel, attempts
                      FROM downloaded_outbox
                     ORDER BY occurred_at, download_id
                    """)) {
                while (rows.next()) {
                    DownloadLog.Opening opening = new DownloadLog.Opening(rows.getObject("download_id", UUID.class),
                            rows.getObject("file_id", UUID.class),
                            rows.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                            rows.getString("user_agent_family"), DownloadChannel.valueOf(rows.getString("channel")));
                    write.setString(1, topic);
                    write.setString(2, opening.fileId().toString());
                    write.setBytes(3, avro.serialize(topic, DownloadedOutbox.event(opening)));
                    write.setObject(4, rows.getObject("occurred_at", OffsetDateTime.class));
                    write.setInt(5, rows.getInt("attempts"));
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
        try (Statement drop = connection.createStatement()) {
            drop.execute("DROP TABLE downloaded_outbox");
        }
    }
}
