package dev.ticketsms.notification.numbers;

import dev.ticketsms.events.SmsOptInReceived;
import dev.ticketsms.events.SmsOptOutReceived;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * Numbers that replied STOP. The local mark takes effect at once, before profile-service has applied the event
 * published with it, so not a single further SMS goes to the number; START lifts it (and any unusable mark, see
 * {@link NumberHealth}) and tells profile-service too.
 */
@Component
public class SmsSuppressions {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ProfileEventsOutbox events;
    private final NumberHealth health;

    SmsSuppressions(JdbcClient jdbc, Clock clock, ProfileEventsOutbox events, NumberHealth health) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.health = health;
    }

    /** Whether the number replied STOP (and not START since): it must not be texted. */
    public boolean isSuppressed(String phoneNumber) {
        return jdbc.sql("SELECT count(*) FROM suppressed_numbers WHERE phone_number = ?").param(phoneNumber)
                .query(Integer.class).single() > 0;
    }

    @Transactional
    public void optOut(String phoneNumber, String keyword, String messageSid) {
        var now = clock.instant();
        jdbc.sql("""
                        INSERT INTO suppressed_numbers (phone_number, keyword, message_sid, since)
                        VALUES (:phone, :keyword, :sid, :now)
                        ON CONFLICT (phone_number) DO UPDATE SET keyword = :keyword, message_sid = :sid, since = :now""")
                .param("phone", phoneNumber).param("keyword", keyword).param("sid", messageSid)
                .param("now", Timestamp.from(now))
                .update();
        events.append(new SmsOptOutReceived(UUID.randomUUID(), now, phoneNumber, keyword, messageSid), phoneNumber);
    }

    @Transactional
    public void optIn(String phoneNumber, String keyword, String messageSid) {
        jdbc.sql("DELETE FROM suppressed_numbers WHERE phone_number = ?").param(phoneNumber).update();
        health.clear(phoneNumber);
        events.append(new SmsOptInReceived(UUID.randomUUID(), clock.instant(), phoneNumber, keyword, messageSid), phoneNumber);
    }
}
