package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.TicketEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/**
 * What this service has already handled, so a replayed event is skipped before any lookup or send (the ledger
 * would stop a second SMS anyway), and a status change older than one already handled for the same ticket is not
 * announced after the newer one. Only status changes are judged stale by version: a ticket's creation is always
 * delivered once, even if the outbox relay's retry let a later event of that ticket arrive first.
 */
@Component
class HandledEvents {

    private final JdbcClient jdbc;
    private final Clock clock;

    HandledEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean alreadyHandled(UUID eventId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM handled_events WHERE event_id = ?)")
                .param(eventId).query(Boolean.class).single();
    }

    /** Whether a newer (or same) version of this ticket has been handled already. */
    boolean supersededAt(UUID ticketId, long ticketVersion) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM ticket_progress WHERE ticket_id = ? AND handled_version >= ?)")
                .param(ticketId).param(ticketVersion).query(Boolean.class).single();
    }

    @Transactional
    void markHandled(TicketEvent event) {
        jdbc.sql("""
                        INSERT INTO handled_events (event_id, ticket_id, handled_at) VALUES (:eventId, :ticketId, :now)
                        ON CONFLICT (event_id) DO NOTHING""")
                .param("eventId", event.eventId())
                .param("ticketId", event.ticketId())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        jdbc.sql("""
                        INSERT INTO ticket_progress (ticket_id, handled_version, updated_at) VALUES (:ticketId, :version, :now)
                        ON CONFLICT (ticket_id) DO UPDATE
                        SET handled_version = GREATEST(ticket_progress.handled_version, EXCLUDED.handled_version),
                            updated_at = EXCLUDED.updated_at""")
                .param("ticketId", event.ticketId())
                .param("version", event.ticketVersion())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
