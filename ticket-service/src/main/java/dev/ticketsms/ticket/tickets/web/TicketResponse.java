package dev.ticketsms.ticket.tickets.web;

import dev.ticketsms.events.Severity;
import dev.ticketsms.events.TicketStatus;
import dev.ticketsms.ticket.tickets.Ticket;

import java.time.Instant;
import java.util.UUID;

record TicketResponse(UUID id, String title, String description, Severity severity, String category, UUID teamId,
                      TicketStatus status, String createdBy, String createdByName, Instant createdAt,
                      Instant updatedAt, long version) {

    static TicketResponse of(Ticket t) {
        return new TicketResponse(t.id(), t.title(), t.description(), t.severity(), t.category(), t.teamId(),
                t.status(), t.createdBy(), t.createdByName(), t.createdAt(), t.updatedAt(), t.version());
    }
}
