package dev.ticketsms.profile.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import dev.ticketsms.profile.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ProcessedEventsRetentionTest extends IntegrationTest {

    @Autowired
    ProcessedEventsRetention retention;

    @Test
    void idsOlderThanTheRetentionAreForgottenAndRecentOnesKept() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        clock.setTo(Instant.parse("2026-11-25T03:17:00Z"));
        insert(old, Instant.parse("2026-10-26T03:16:59Z"));
        insert(recent, Instant.parse("2026-10-26T03:17:01Z"));

        retention.forgetOldEvents();

        assertThat(jdbc.sql("select event_id from processed_events").query(UUID.class).list()).containsExactly(recent);
    }

    private void insert(UUID eventId, Instant processedAt) {
        jdbc.sql("insert into processed_events (event_id, processed_at) values (:id, :at)")
                .param("id", eventId).param("at", Timestamp.from(processedAt)).update();
    }
}
