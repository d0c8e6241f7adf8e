package dev.ticketsms.profile.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.ticketsms.testing.EmbeddedPostgreSql;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Rows stored before quiet hours were kept to the minute, migrated in a schema of their own. */
class ClearUnusableQuietHoursMigrationTest {

    private static final String SCHEMA = "before_v3";

    @Test
    void quietHoursTheServiceCannotUseAreClearedAndTheOthersLoseTheirSeconds() {
        var dataSource = new DriverManagerDataSource(EmbeddedPostgreSql.jdbcUrl() + "&currentSchema=" + SCHEMA,
                "postgres", "postgres");
        var jdbc = JdbcClient.create(dataSource);
        jdbc.sql("drop schema if exists " + SCHEMA + " cascade").update();
        flyway(dataSource).target("2").load().migrate();
        jdbc.sql("""
                insert into user_profiles (user_id, quiet_hours_start, quiet_hours_end, quiet_hours_time_zone) values
                    ('seconds-apart', '22:00:00', '22:00:30', 'Europe/Berlin'),
                    ('same-time',     '22:00',    '22:00',    'Europe/Berlin'),
                    ('unknown-zone',  '22:00',    '07:00',    'Mars/Olympus'),
                    ('with-seconds',  '22:00:45', '06:59:59', 'America/New_York'),
                    ('fine',          '22:00',    '07:00',    'Europe/Berlin'),
                    ('none',          null,       null,       null)
                """).update();

        flyway(dataSource).javaMigrations(new V3__Clear_unusable_quiet_hours()).load().migrate();

        List<Map<String, Object>> rows = jdbc.sql("""
                select user_id, quiet_hours_start::text as start, quiet_hours_end::text as "end", quiet_hours_time_zone as zone
                from user_profiles order by user_id""").query().listOfRows();
        assertThat(rows).extracting(row -> row.get("user_id") + " " + row.get("start") + "-" + row.get("end") + " " + row.get("zone"))
                .containsExactly(
                        "fine 22:00:00-07:00:00 Europe/Berlin",
                        "none null-null null",
                        "same-time null-null null",
                        "seconds-apart null-null null",
                        "unknown-zone null-null null",
                        "with-seconds 22:00:00-06:59:00 America/New_York");
        jdbc.sql("drop schema " + SCHEMA + " cascade").update();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DriverManagerDataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration");
    }
}
