package dev.ticketsms.profile.recipients;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A read model over teams and profiles: one query answers "who gets an SMS for this team",
 * instead of loading members and then their profiles one by one.
 */
@Component
class SmsRecipientDirectory {

    private final JdbcClient jdbc;

    SmsRecipientDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when the team does not exist; an empty list when nobody in it can be texted. */
    @Transactional(readOnly = true)
    Optional<List<SmsRecipient>> recipientsOf(UUID teamId) {
        boolean teamExists = jdbc.sql("select exists (select 1 from teams where id = :teamId)")
                .param("teamId", teamId)
                .query(Boolean.class)
                .single();
        if (!teamExists) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                        select m.user_id, p.phone_number, p.display_name
                        from team_members m
                        join user_profiles p on p.user_id = m.user_id
                        where m.team_id = :teamId
                          and p.sms_notifications_enabled
                          and p.phone_number is not null
                        order by m.user_id
                        """)
                .param("teamId", teamId)
                .query(SmsRecipient.class)
                .list());
    }
}
