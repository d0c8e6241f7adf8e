package dev.ticketsms.ticket.tickets.web;

import dev.ticketsms.events.TicketStatus;
import dev.ticketsms.ticket.tickets.Caller;
import dev.ticketsms.ticket.tickets.Ticket;
import dev.ticketsms.ticket.tickets.TicketFilter;
import dev.ticketsms.ticket.tickets.Tickets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.UUID;

@RestController
@RequestMapping("/api/tickets")
@Tag(name = "Tickets")
@SecurityRequirement(name = "bearer")
class TicketController {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String SORT_PATTERN = "(createdAt|updatedAt|title)(,(asc|desc))?";

    private final Tickets tickets;

    TicketController(Tickets tickets) {
        this.tickets = tickets;
    }

    @PostMapping
    @Operation(summary = "Open a ticket for one of your teams",
            description = "The ticket starts OPEN at version 0, created by the token's user; TicketCreated is published.")
    @ApiResponse(responseCode = "201", description = "created; Location and ETag name the new ticket")
    @ApiResponse(responseCode = "400", description = "a field is missing, unknown or invalid", content = @Content(
            mediaType = PROBLEM_JSON, examples = @ExampleObject("""
            {"type":"about:blank","title":"Invalid request","status":400,"detail":"title must not be blank",
             "instance":"/api/tickets","errors":[{"field":"title","message":"must not be blank"}]}""")))
    @ApiResponse(responseCode = "403", description = "the team is not one of yours", content = @Content(mediaType = PROBLEM_JSON))
    @ApiResponse(responseCode = "429", description = "you opened as many tickets as tickets.limits.creations-per-user allows; "
            + "Retry-After says when you may open the next", content = @Content(mediaType = PROBLEM_JSON))
    ResponseEntity<TicketResponse> create(@Valid @RequestBody CreateTicketRequest request,
                                          @Parameter(hidden = true) JwtAuthenticationToken token) {
        Ticket ticket = tickets.open(request.toNewTicket(), CallerToken.callerOf(token));
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(ticket.id()).toUri();
        return ResponseEntity.created(location).eTag(IfMatch.etagOf(ticket.version())).body(TicketResponse.of(ticket));
    }

    @GetMapping
    @Operation(summary = "List the tickets of your teams (admins: all), newest first unless sorted otherwise")
    @ApiResponse(responseCode = "200", description = "one page", content = @Content(examples = @ExampleObject("""
            {"content":[{"id":"0b8f5a7e-5c1b-4d3a-9f0e-6a2d8c4b1e77","number":1234,"title":"Database Connection Issue",
              "description":"Connection pool exhausted on db-1","severity":"HIGH","category":"Technical",
              "teamId":"7c0e4a52-3f1d-4f5e-9a51-2b1f1c7d9e10","status":"OPEN","createdBy":"user-42",
              "createdByName":"John Doe","createdAt":"2026-11-25T10:15:30Z","updatedAt":"2026-11-25T10:15:30Z",
              "version":0}],
             "page":{"size":20,"number":0,"totalElements":1,"totalPages":1}}""")))
    @ApiResponse(responseCode = "400", description = "a parameter is invalid", content = @Content(mediaType = PROBLEM_JSON))
    PagedModel<TicketResponse> list(
            @Parameter(description = "only this team's tickets") @RequestParam(required = false) UUID teamId,
            @Parameter(description = "only tickets in this status") @RequestParam(required = false) TicketStatus status,
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @Parameter(description = "tickets per page") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @Parameter(description = "createdAt, updatedAt or title, optionally followed by ,asc or ,desc", example = "createdAt,desc")
            @RequestParam(defaultValue = "createdAt,desc") @Pattern(regexp = SORT_PATTERN,
                    message = "must be createdAt, updatedAt or title, optionally followed by ,asc or ,desc") String sort,
            @Parameter(hidden = true) JwtAuthenticationToken token) {
        var found = tickets.list(new TicketFilter(teamId, status), CallerToken.callerOf(token),
                PageRequest.of(page, size, sortOf(sort)));
        return new PagedModel<>(found.map(TicketResponse::of));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One ticket of your teams, with its version as ETag (If-None-Match gives 304)")
    @ApiResponse(responseCode = "200", description = "the ticket")
    @ApiResponse(responseCode = "404", description = "no such ticket, or not one of your teams'", content = @Content(mediaType = PROBLEM_JSON))
    ResponseEntity<TicketResponse> get(@PathVariable UUID id, @Parameter(hidden = true) JwtAuthenticationToken token) {
        return tickets.find(id, CallerToken.callerOf(token))
                .map(ticket -> ResponseEntity.ok().eTag(IfMatch.etagOf(ticket.version())).body(TicketResponse.of(ticket)))
                .orElseThrow(() -> new TicketNotFoundException(id));
    }

    @PatchMapping("/{id}/status")
    @Operation(summary = "Move a ticket to another status",
            description = "OPEN and IN_PROGRESS move anywhere, RESOLVED to IN_PROGRESS or CLOSED, CLOSED is final. "
                    + "The status it already has changes nothing and publishes nothing; any other allowed move "
                    + "publishes one TicketStatusChanged.")
    @ApiResponse(responseCode = "200", description = "the ticket as stored, with its new ETag")
    @ApiResponse(responseCode = "404", description = "no such ticket, or not one of your teams'", content = @Content(mediaType = PROBLEM_JSON))
    @ApiResponse(responseCode = "409", description = "the workflow does not allow this move", content = @Content(
            mediaType = PROBLEM_JSON, examples = @ExampleObject("""
            {"type":"about:blank","title":"Status change not allowed","status":409,
             "detail":"A RESOLVED ticket cannot move to OPEN; allowed: IN_PROGRESS, CLOSED",
             "instance":"/api/tickets/0b8f5a7e-5c1b-4d3a-9f0e-6a2d8c4b1e77/status",
             "currentStatus":"RESOLVED","requestedStatus":"OPEN","allowedStatuses":["IN_PROGRESS","CLOSED"]}""")))
    @ApiResponse(responseCode = "412", description = "If-Match names an older version", content = @Content(mediaType = PROBLEM_JSON))
    @ApiResponse(responseCode = "429", description = "the ticket changed status as often as "
            + "tickets.limits.status-changes-per-ticket allows; Retry-After says when it may change again",
            content = @Content(mediaType = PROBLEM_JSON))
    ResponseEntity<TicketResponse> changeStatus(
            @PathVariable UUID id, @Valid @RequestBody ChangeStatusRequest request,
            @Parameter(description = "the ETag you last read; the change is refused (412) if the ticket changed since",
                    example = "\"3\"")
            @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
            @Parameter(hidden = true) JwtAuthenticationToken token) {
        return tickets.changeStatus(id, request.status(), IfMatch.expectedVersion(ifMatch), CallerToken.callerOf(token))
                .map(ticket -> ResponseEntity.ok().eTag(IfMatch.etagOf(ticket.version())).body(TicketResponse.of(ticket)))
                .orElseThrow(() -> new TicketNotFoundException(id));
    }

    private static Sort sortOf(String sort) {
        String[] parts = sort.split(",");
        var direction = parts.length > 1 && parts[1].equals("desc") ? Sort.Direction.DESC : Sort.Direction.ASC;
        // the id breaks ties, so paging through equal timestamps neither repeats nor skips a ticket
        return Sort.by(direction, parts[0]).and(Sort.by("id"));
    }
}
