package dev.ticketsms.ticket.tickets.web;

import dev.ticketsms.events.Severity;
import dev.ticketsms.ticket.tickets.NewTicket;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * The body of {@code POST /api/tickets}. Unknown fields are rejected, so a client cannot set what is not theirs to
 * choose (status, createdBy, version...): the status starts OPEN, the author comes from the token. NUL characters,
 * which PostgreSQL cannot store, are refused for every string by service-web's JSON rules.
 */
@Schema(example = """
        {"title":"Database Connection Issue","description":"Connection pool exhausted on db-1","severity":"HIGH",
         "category":"Technical","teamId":"7c0e4a52-3f1d-4f5e-9a51-2b1f1c7d9e10"}""")
record CreateTicketRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 10_000) String description,
        @NotNull Severity severity,
        @NotBlank @Size(max = 100) String category,
        @Schema(description = "a team the caller belongs to (admins: any team)") @NotNull UUID teamId) {

    NewTicket toNewTicket() {
        return new NewTicket(title.strip(), description, severity, category.strip(), teamId);
    }
}
