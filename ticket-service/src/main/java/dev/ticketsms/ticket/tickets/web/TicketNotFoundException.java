package dev.ticketsms.ticket.tickets.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.util.UUID;

class TicketNotFoundException extends ErrorResponseException {

    TicketNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND);
        getBody().setTitle("Ticket not found");
        getBody().setDetail("No ticket " + id + " is visible to you.");
    }

    /** Ticket #number does not exist or is not of the user's teams: one answer, so a stranger learns nothing. */
    TicketNotFoundException(long number) {
        super(HttpStatus.NOT_FOUND);
        getBody().setTitle("Ticket not found");
        getBody().setDetail("No ticket #" + number + " of this user's teams.");
    }
}
