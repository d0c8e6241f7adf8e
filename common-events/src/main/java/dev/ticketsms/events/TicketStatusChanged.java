package dev.ticketsms.events;

import java.time.Instant;
import java.util.UUID;

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
        String changedByName) implements TicketEvent {
}
