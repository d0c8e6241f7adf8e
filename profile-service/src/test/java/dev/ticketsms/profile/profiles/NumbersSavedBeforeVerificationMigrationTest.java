package dev.ticketsms.profile.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.ticketsms.testing.EmbeddedPostgreSql;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Upgrading to phone verification takes nobody's SMS away: numbers saved before count as verified. */
class NumbersSavedBeforeVerificationMigrationTest {

    private static final String SCHEMA = "before_v4";

    @Test
    void numbersSavedBeforeTheUpgradeAreVerifiedSinceTheyWereSaved() {
        var dataSource = new DriverManagerDataSource(EmbeddedPostgreSql.jdbcUrl() + "&currentSchema=" + SCHEMA,
                "postgres", "postgres");
        var jdbc = JdbcClient.create(dataSource);
        jdbc.sql("drop schema if exists " + SCHEMA + " cascade").update();
        flyway(dataSource).target("3").load().migrate();
        jdbc.sql("""
                insert into user_profiles (user_id, phone_number, phone_number_since, updated_at) values
                    ('with-number',    '+14155550101', '2026-01-02T03:04:05Z', '2026-02-01T00:00:00Z'),
                    ('without-since',  '+14155550102', null,                   '2026-03-01T00:00:00Z'),
                    ('without-number', null,           null,                   '2026-04-01T00:00:00Z')
                """).update();

        flyway(dataSource).load().migrate();

        List<Map<String, Object>> rows = jdbc.sql("""
                select user_id, to_char(phone_verified_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS') as verified
                from user_profiles order by user_id""").query().listOfRows();
        assertThat(rows).extracting(row -> row.get("user_id") + " " + row.get("verified"))
                .containsExactly(
                        "with-number 2026-01-02T03:04:05",
                        "without-number null",
                        "without-since 2026-03-01T00:00:00");
        jdbc.sql("drop schema " + SCHEMA + " cascade").update();
    }

    private static FluentConfiguration flyway(DriverManagerDataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration")
                .javaMigrations(new V3__Clear_unusable_quiet_hours());
    }
}
