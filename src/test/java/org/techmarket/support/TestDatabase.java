package org.techmarket.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.springframework.boot.SpringApplication;

/**
 * One embedded PostgreSQL per test JVM, shared by every Spring context of the run; each named database in it
 * is created once, so test classes that need a database of their own get one without another server.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;
    private static final Set<String> created = new HashSet<>();

    private TestDatabase() {}

    public static synchronized String url(String database) {
        if (postgres == null) {
            try {
                // Not stopped by a JVM shutdown hook of its own, which would run alongside the markets' shutdown and
                // leave each closing market waiting for connections to a stopped server.
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setRegisterShutdownHook(false)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Stopped after the markets on it have closed (Spring runs its shutdown handlers after the contexts), so
            // that no closing market waits on a database that is already gone.
            SpringApplication.getShutdownHandlers().add(TestDatabase::stop);
        }
        if (created.add(database)) {
            try (Connection c = postgres.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("create database " + database);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return postgres.getJdbcUrl("postgres", database);
    }

    private static void stop() {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is ending anyway
        }
    }
}
