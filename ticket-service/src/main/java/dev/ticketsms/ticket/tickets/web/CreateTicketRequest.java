package dev.ticketsms.ticket.tickets.web;

import dev.ticketsms.events.Severity;
import dev.ticketsms.ticket.tickets.NewTicket;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** The body of {@code POST /api/tickets}. Unknown fields (status, createdBy, version...) are rejected. */
record CreateTicketRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 10_000) String description,
        @NotNull Severity severity,
        @NotBlank @Size(max = 100) String category,
        @NotNull UUID teamId) {

    NewTicket toNewTicket() {
        return new NewTicket(title.strip(), description, severity, category.strip(), teamId);
    }
}
