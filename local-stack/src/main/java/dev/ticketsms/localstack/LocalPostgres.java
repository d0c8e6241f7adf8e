package dev.ticketsms.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * A real PostgreSQL server from zonky's embedded binaries, with its data under {@code .local/postgres} kept between
 * runs, and one database per service.
 */
final class LocalPostgres implements AutoCloseable {

    static final int PORT = 5433;
    static final String USER = "postgres";
    static final String PASSWORD = "postgres";
    static final List<String> DATABASES = List.of("tickets", "profiles", "notifications");

    private final EmbeddedPostgres server;
    private final Path dataDirectory;

    private LocalPostgres(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    static LocalPostgres start(Path dataDirectory, Path log) throws IOException, SQLException {
        Files.createDirectories(dataDirectory);
        Files.createDirectories(log.getParent());
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setPort(PORT)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // the launcher stops PostgreSQL itself, after the services: zonky's own hook would stop it first, and the
                // services would then spend their shutdown waiting for a database that is gone
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        var postgres = new LocalPostgres(server, dataDirectory);
        postgres.createMissingDatabases();
        return postgres;
    }

    static String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + PORT + "/" + database;
    }

    private void createMissingDatabases() throws SQLException {
        try (var connection = server.getPostgresDatabase().getConnection();
             var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
             var statement = connection.createStatement()) {
            for (String database : DATABASES) {
                exists.setString(1, database);
                try (var row = exists.executeQuery()) {
                    if (!row.next()) {
                        statement.execute("CREATE DATABASE " + database);
                    }
                }
            }
        }
    }

    /** The postmaster's process id, from its pid file; empty once it has stopped. */
    OptionalLong pid() {
        return postmasterPid(dataDirectory);
    }

    static OptionalLong postmasterPid(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.getFirst().strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Stops the server ({@code pg_ctl stop -m fast}); safe to call twice. */
    @Override
    public void close() throws IOException {
        server.close();
    }
}
