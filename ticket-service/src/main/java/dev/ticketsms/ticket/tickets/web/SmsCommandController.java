package dev.ticketsms.ticket.tickets.web;

import dev.ticketsms.ticket.tickets.Author;
import dev.ticketsms.ticket.tickets.Tickets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * For notification-service (service token of its client with scope {@code tickets:sms-commands}): a member's reply
 * by SMS ("RESOLVE 1234") applied as that member, with the same rules and the same event as the public API.
 */
@RestController
@Validated
@Tag(name = "Internal", description = "Service-to-service: SMS commands need notification-service's client with scope "
        + "tickets:sms-commands")
class SmsCommandController {

    private static final String PROBLEM_JSON = "application/problem+json";

    private final Tickets tickets;

    SmsCommandController(Tickets tickets) {
        this.tickets = tickets;
    }

    @PostMapping("/internal/tickets/by-number/{number}/status")
    @Operation(summary = "Move ticket #number as a member who texted a command",
            description = "The user must belong to the ticket's team (the membership replica, then profile-service for "
                    + "a member added a moment ago). The workflow and limits of PATCH /api/tickets/{id}/status apply; "
                    + "the status it already has changes nothing; any other allowed move publishes one "
                    + "TicketStatusChanged with the user as changedBy.")
    @ApiResponse(responseCode = "200", description = "the ticket as stored")
    @ApiResponse(responseCode = "400", description = "a field is missing or invalid", content = @Content(mediaType = PROBLEM_JSON))
    @ApiResponse(responseCode = "404", description = "no such ticket, or not of the user's teams (one answer for both)",
            content = @Content(mediaType = PROBLEM_JSON))
    @ApiResponse(responseCode = "409", description = "the workflow does not allow this move", content = @Content(mediaType = PROBLEM_JSON))
    @ApiResponse(responseCode = "429", description = "the ticket changed status as often as the limit allows",
            content = @Content(mediaType = PROBLEM_JSON))
    ResponseEntity<TicketResponse> apply(@PathVariable @Min(1) @Max(Long.MAX_VALUE) long number,
                                         @Valid @RequestBody SmsCommandRequest request) {
        var author = new Author(request.userId().strip(), request.userName());
        return tickets.changeStatusByNumber(number, request.status(), author)
                .map(ticket -> ResponseEntity.ok().eTag(IfMatch.etagOf(ticket.version())).body(TicketResponse.of(ticket)))
                .orElseThrow(() -> new TicketNotFoundException(number));
    }
}
