package dev.ticketsms.ticket.tickets;

import dev.ticketsms.events.Severity;

import java.util.UUID;

/** What a user asks for when opening a ticket; status, author and version are never theirs to choose. */
public record NewTicket(String title, String description, Severity severity, String category, UUID teamId) {
}
