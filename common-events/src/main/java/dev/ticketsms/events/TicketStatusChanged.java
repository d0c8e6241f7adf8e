package dev.ticketsms.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket moved from one status to another.
 *
 * @param ticketNumber the ticket's short human number (what a member texts back, "RESOLVE 1234"); null in records
 *                     written before tickets had one, so a consumer must do without it
 */
public record TicketStatusChanged(
        UUID eventId,
        Instant occurredAt,
        UUID ticketId,
        UUID teamId,
        long ticketVersion,
        String title,
        Severity severity,
        String category,
        TicketStatus fromStatus,
        TicketStatus toStatus,
        String changedBy,
        String changedByName,
        Long ticketNumber) implements TicketEvent {

    /** An event without a ticket number, as producers wrote them before tickets had one. */
    public TicketStatusChanged(UUID eventId, Instant occurredAt, UUID ticketId, UUID teamId, long ticketVersion,
                               String title, Severity severity, String category, TicketStatus fromStatus,
                               TicketStatus toStatus, String changedBy, String changedByName) {
        this(eventId, occurredAt, ticketId, teamId, ticketVersion, title, severity, category, fromStatus, toStatus,
                changedBy, changedByName, null);
    }
}
