package dev.ticketsms.ticket.tickets.web;

import dev.ticketsms.events.TicketStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /internal/tickets/by-number/{number}/status}: a member's SMS command, already parsed and
 * the sender's number already resolved to its owner by notification-service.
 */
@Schema(example = """
        {"status":"RESOLVED","userId":"user-7","userName":"Ada Lovelace"}""")
record SmsCommandRequest(
        @Schema(description = "the status the command asks for (ACK and START: IN_PROGRESS)") @NotNull TicketStatus status,
        @Schema(description = "the member who texted, recorded as the change's author") @NotBlank @Size(max = 255) String userId,
        @Schema(description = "their display name, for the event") @Size(max = 255) String userName) {
}
