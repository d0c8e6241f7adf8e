package dev.ticketsms.ticket.tickets.web;

import dev.ticketsms.events.TicketStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** The body of {@code PATCH /api/tickets/{id}/status}. */
@Schema(example = """
        {"status":"IN_PROGRESS"}""")
record ChangeStatusRequest(@Schema(description = "the status to move the ticket to") @NotNull TicketStatus status) {
}
