package dev.ticketsms.profile.profiles;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The ids of the events already applied; Kafka delivers at least once, so each is applied once by remembering it. */
@Component
class ProcessedEvents {

    private final JdbcClient jdbc;

    ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Remembers the event in the caller's transaction; if that rolls back, the event counts as not processed.
     *
     * @return false when it had been processed before
     */
    boolean markProcessed(UUID eventId) {
        return jdbc.sql("insert into processed_events (event_id) values (:eventId) on conflict (event_id) do nothing")
                .param("eventId", eventId)
                .update() == 1;
    }
}
