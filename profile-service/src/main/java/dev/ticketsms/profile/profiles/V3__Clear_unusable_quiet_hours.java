package dev.ticketsms.profile.profiles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway V3 (after the SQL migrations V1 and V2 in db/migration; a bean, so Flyway gets it from Spring instead of
 * scanning classes in the executable jar). Quiet hours are kept to the minute from now on. Stored quiet hours the
 * service cannot use are CLEARED (the user has none until they set them again): a window whose start and end
 * are the same minute (an older version accepted "22:00:00"–"22:00:30"), and a time zone id this JVM does not
 * know, which only Java can tell, hence Java instead of SQL. Other windows lose their seconds. Kept
 * self-contained on purpose: a migration must do the same thing whatever the domain code becomes.
 */
@Component
class V3__Clear_unusable_quiet_hours extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V3__Clear_unusable_quiet_hours.class);

    private static final String CLEAR = """
            update user_profiles set quiet_hours_start = null, quiet_hours_end = null, quiet_hours_time_zone = null
            """;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        int noLength;
        int truncated;
        try (Statement sql = db.createStatement()) {
            noLength = sql.executeUpdate(CLEAR + """
                    where date_trunc('minute', quiet_hours_start::interval) = date_trunc('minute', quiet_hours_end::interval)
                    """);
            truncated = sql.executeUpdate("""
                    update user_profiles
                    set quiet_hours_start = date_trunc('minute', quiet_hours_start::interval)::time,
                        quiet_hours_end = date_trunc('minute', quiet_hours_end::interval)::time
                    where quiet_hours_start <> date_trunc('minute', quiet_hours_start::interval)::time
                       or quiet_hours_end <> date_trunc('minute', quiet_hours_end::interval)::time
                    """);
        }
        int unknownZone = clearUnknownTimeZones(db);
        log.info("Quiet hours: cleared {} of no length and {} in an unknown time zone; {} rounded down to the minute",
                noLength, unknownZone, truncated);
    }

    private static int clearUnknownTimeZones(Connection db) throws SQLException {
        Set<String> known = ZoneId.getAvailableZoneIds();
        List<String> unknown = new ArrayList<>();
        try (Statement sql = db.createStatement();
             ResultSet zones = sql.executeQuery(
                     "select distinct quiet_hours_time_zone from user_profiles where quiet_hours_time_zone is not null")) {
            while (zones.next()) {
                if (!known.contains(zones.getString(1))) {
                    unknown.add(zones.getString(1));
                }
            }
        }
        if (unknown.isEmpty()) {
            return 0;
        }
        try (PreparedStatement clear = db.prepareStatement(CLEAR + "where quiet_hours_time_zone = any(?)")) {
            clear.setArray(1, db.createArrayOf("varchar", unknown.toArray()));
            return clear.executeUpdate();
        }
    }
}
