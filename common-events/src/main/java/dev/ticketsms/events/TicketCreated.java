package dev.ticketsms.events;

import java.time.Instant;
import java.util.UUID;

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
        String createdByName) implements TicketEvent {
}
