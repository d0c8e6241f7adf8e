package dev.ticketsms.ticket.tickets.web;

import dev.ticketsms.events.Severity;
import dev.ticketsms.events.TicketStatus;
import dev.ticketsms.ticket.tickets.Ticket;
import dev.ticketsms.ticket.tickets.TicketStatusWorkflow;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(example = """
        {"id":"0b8f5a7e-5c1b-4d3a-9f0e-6a2d8c4b1e77","number":1234,"title":"Database Connection Issue",
         "description":"Connection pool exhausted on db-1","severity":"HIGH","category":"Technical",
         "teamId":"7c0e4a52-3f1d-4f5e-9a51-2b1f1c7d9e10","status":"OPEN","createdBy":"user-42","createdByName":"John Doe",
         "createdAt":"2026-11-25T10:15:30Z","updatedAt":"2026-11-25T10:15:30Z","version":0,
         "allowedStatuses":["IN_PROGRESS","RESOLVED","CLOSED"]}""")
record TicketResponse(UUID id,
                      @Schema(description = "the ticket's short human number, unique and increasing; what a member "
                              + "texts back (\"RESOLVE 1234\")")
                      long number,
                      String title, String description, Severity severity, String category, UUID teamId,
                      TicketStatus status, String createdBy, String createdByName, Instant createdAt,
                      Instant updatedAt,
                      @Schema(description = "grows with every change; the ETag, and the If-Match a change may send")
                      long version,
                      @ArraySchema(arraySchema = @Schema(description = "the statuses PATCH /api/tickets/{id}/status may "
                              + "move the ticket to now, in workflow order (a CLOSED ticket: none), so a client offers "
                              + "only these instead of knowing the workflow"))
                      List<TicketStatus> allowedStatuses) {

    static TicketResponse of(Ticket t) {
        return new TicketResponse(t.id(), t.number(), t.title(), t.description(), t.severity(), t.category(), t.teamId(),
                t.status(), t.createdBy(), t.createdByName(), t.createdAt(), t.updatedAt(), t.version(),
                List.copyOf(TicketStatusWorkflow.allowedMovesFrom(t.status())));
    }
}
