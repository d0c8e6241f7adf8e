package dev.ticketsms.ticket.tickets.web;

import dev.ticketsms.ticket.tickets.Author;
import dev.ticketsms.ticket.tickets.Ticket;
import dev.ticketsms.ticket.tickets.Tickets;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.UUID;

@RestController
@RequestMapping("/api/tickets")
class TicketController {

    private final Tickets tickets;

    TicketController(Tickets tickets) {
        this.tickets = tickets;
    }

    @PostMapping
    ResponseEntity<TicketResponse> create(@Valid @RequestBody CreateTicketRequest request, @AuthenticationPrincipal Jwt caller) {
        Ticket ticket = tickets.open(request.toNewTicket(), author(caller));
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(ticket.id()).toUri();
        return ResponseEntity.created(location).eTag(etag(ticket)).body(TicketResponse.of(ticket));
    }

    @GetMapping("/{id}")
    ResponseEntity<TicketResponse> get(@PathVariable UUID id) {
        return tickets.find(id)
                .map(ticket -> ResponseEntity.ok().eTag(etag(ticket)).body(TicketResponse.of(ticket)))
                .orElseThrow(() -> new TicketNotFoundException(id));
    }

    private static Author author(Jwt caller) {
        String name = caller.getClaimAsString("name");
        return new Author(caller.getSubject(), name == null || name.isBlank() ? caller.getSubject() : name);
    }

    private static String etag(Ticket ticket) {
        return "\"" + ticket.version() + "\"";
    }
}
