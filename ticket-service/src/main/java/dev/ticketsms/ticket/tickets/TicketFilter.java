package dev.ticketsms.ticket.tickets;

import dev.ticketsms.events.TicketStatus;

import java.util.UUID;

/** Which tickets a list asks for; a null field does not filter. */
public record TicketFilter(UUID teamId, TicketStatus status) {
}
