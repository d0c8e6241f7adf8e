package dev.ticketsms.profile.recipients;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.ticketsms.events.Severity;
import dev.ticketsms.profile.profiles.NotificationPreferences;
import dev.ticketsms.profile.profiles.QuietHours;
import dev.ticketsms.profile.profiles.TicketEventType;
import dev.ticketsms.profile.profiles.TicketNotification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A read model over teams and profiles: one query finds the members who can be texted at all (opted in, with a
 * number Twilio has not refused), then each member's preferences decide about this notification at this moment.
 */
@Component
class SmsRecipientDirectory {

    private final JdbcClient jdbc;

    private final Clock clock;

    SmsRecipientDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Empty when the team does not exist; an empty list when nobody in it gets this notification now. */
    @Transactional(readOnly = true)
    Optional<List<SmsRecipient>> recipientsOf(UUID teamId, TicketNotification notification) {
        boolean teamExists = jdbc.sql("select exists (select 1 from teams where id = :teamId)")
                .param("teamId", teamId)
                .query(Boolean.class)
                .single();
        if (!teamExists) {
            return Optional.empty();
        }
        return Optional.of(reachable("m.team_id = :teamId", "teamId", teamId, notification));
    }

    /**
     * The chosen users who can be texted now (an admin's message): opted in, with a usable number, outside their
     * quiet hours. Unknown users and users without a profile are simply not in the answer.
     */
    @Transactional(readOnly = true)
    List<SmsRecipient> recipientsAmong(List<String> userIds) {
        return reachable("p.user_id = any(:userIds)", "userIds", userIds.toArray(String[]::new), TicketNotification.ANY);
    }

    private List<SmsRecipient> reachable(String who, String name, Object value, TicketNotification notification) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        select distinct p.user_id, p.phone_number, p.display_name,
                               p.minimum_severity, p.muted_categories, p.notify_ticket_created, p.notify_status_changed,
                               p.quiet_hours_start, p.quiet_hours_end, p.quiet_hours_time_zone
                        from user_profiles p
                        left join team_members m on m.user_id = p.user_id
                        where %s
                          and p.sms_notifications_enabled
                          and p.phone_number is not null
                          and p.phone_unusable_since is null
                        order by p.user_id
                        """.formatted(who))
                .param(name, value)
                .query((row, n) -> new Candidate(
                        new SmsRecipient(row.getString("user_id"), row.getString("phone_number"), row.getString("display_name")),
                        preferences(row)))
                .stream()
                .filter(candidate -> candidate.preferences().lets(notification, now))
                .map(Candidate::recipient)
                .toList();
    }

    private static NotificationPreferences preferences(ResultSet row) throws SQLException {
        Set<TicketEventType> eventTypes = EnumSet.noneOf(TicketEventType.class);
        if (row.getBoolean("notify_ticket_created")) {
            eventTypes.add(TicketEventType.TICKET_CREATED);
        }
        if (row.getBoolean("notify_status_changed")) {
            eventTypes.add(TicketEventType.TICKET_STATUS_CHANGED);
        }
        String timeZone = row.getString("quiet_hours_time_zone");
        QuietHours quietHours = timeZone == null ? null : new QuietHours(
                row.getObject("quiet_hours_start", LocalTime.class),
                row.getObject("quiet_hours_end", LocalTime.class),
                ZoneId.of(timeZone));
        Array muted = row.getArray("muted_categories");
        return new NotificationPreferences(Severity.valueOf(row.getString("minimum_severity")),
                Set.copyOf(Arrays.asList((String[]) muted.getArray())), eventTypes, quietHours);
    }

    private record Candidate(SmsRecipient recipient, NotificationPreferences preferences) {
    }
}
