package dev.ticketsms.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket was opened.
 *
 * @param ticketNumber the ticket's short human number (what a member texts back, "RESOLVE 1234"); null in records
 *                     written before tickets had one, so a consumer must do without it
 */
public record TicketCreated(
        UUID eventId,
        Instant occurredAt,
        UUID ticketId,
        UUID teamId,
        long ticketVersion,
        String title,
        Severity severity,
        String category,
        String createdBy,
        String createdByName,
        Long ticketNumber) implements TicketEvent {

    /** An event without a ticket number, as producers wrote them before tickets had one. */
    public TicketCreated(UUID eventId, Instant occurredAt, UUID ticketId, UUID teamId, long ticketVersion, String title,
                         Severity severity, String category, String createdBy, String createdByName) {
        this(eventId, occurredAt, ticketId, teamId, ticketVersion, title, severity, category, createdBy, createdByName, null);
    }
}
