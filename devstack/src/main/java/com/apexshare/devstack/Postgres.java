package com.apexshare.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky's embedded binaries) on loopback. Each service gets its own database, so that no
 * service can see another's tables.
 */
public final class Postgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private Postgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param dataDir data folder kept across restarts (the local run), or null for a fresh temporary one
     * @param port    port, 0 for a free one
     */
    public static Postgres start(Path dataDir, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(Ports.orFree(port))
                    // About a second on an idle machine; the margin is for a loaded one.
                    .setPGStartupWait(Duration.ofMinutes(2))
                    // Durability is not what tests measure; this keeps 1M-row benchmarks and tests quick.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "256MB");
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            return new Postgres(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }

    /** Creates the database if it does not exist yet and returns its JDBC URL. */
    public String createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        return jdbcUrl(name);
    }

    /**
     * Makes one database refuse connections, as an outage would: new connections are refused and the open ones are
     * terminated. Other databases on the server stay reachable. Closing the returned outage ends it.
     */
    public Outage refuseConnections(String database) {
        setAllowConnections(database, false);
        return () -> setAllowConnections(database, true);
    }

    /** An outage of one database, ended by {@link #close()}. */
    @FunctionalInterface
    public interface Outage extends AutoCloseable {
        @Override
        void close();
    }

    private void setAllowConnections(String database, boolean allow) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + allow);
            if (!allow) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                        + "' AND pid <> pg_backend_pid()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot change connections of database " + database, e);
        }
    }

    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl(USER, database) + "&reWriteBatchedInserts=true";
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
