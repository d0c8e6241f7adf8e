package dev.ticketsms.ticket.tickets;

import dev.ticketsms.testing.EmbeddedPostgreSql;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Upgrading to ticket numbers numbers the tickets already there, oldest first, and new ones carry on after them. */
class TicketNumbersMigrationTest {

    private static final String SCHEMA = "before_ticket_numbers";

    @Test
    void existingTicketsAreNumberedInTheOrderTheyWereOpenedAndNewOnesFollow() {
        var dataSource = new DriverManagerDataSource(EmbeddedPostgreSql.jdbcUrl() + "&currentSchema=" + SCHEMA,
                "postgres", "postgres");
        var jdbc = JdbcClient.create(dataSource);
        jdbc.sql("drop schema if exists " + SCHEMA + " cascade").update();
        flyway(dataSource).target("1.1").load().migrate();
        for (var ticket : new String[][] {{"second", "2026-02-01T00:00:00Z"}, {"first", "2026-01-01T00:00:00Z"},
                {"third", "2026-03-01T00:00:00Z"}}) {
            jdbc.sql("""
                    insert into tickets (id, title, severity, category, team_id, status, created_by, created_at,
                                         updated_at, version)
                    values (?, ?, 'HIGH', 'Technical', ?, 'OPEN', 'user-1', ?::timestamptz, ?::timestamptz, 0)""")
                    .params(UUID.randomUUID(), ticket[0], UUID.randomUUID(), ticket[1], ticket[1]).update();
        }

        flyway(dataSource).load().migrate();

        assertThat(jdbc.sql("select title from tickets order by number").query(String.class).list())
                .containsExactly("first", "second", "third");
        assertThat(jdbc.sql("select number from tickets order by number").query(Long.class).list())
                .containsExactly(1L, 2L, 3L);
        assertThat(jdbc.sql("select nextval('ticket_numbers')").query(Long.class).single()).isEqualTo(4L);
        jdbc.sql("drop schema " + SCHEMA + " cascade").update();
    }

    private static FluentConfiguration flyway(DriverManagerDataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration");
    }
}
