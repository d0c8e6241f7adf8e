package dev.ticketsms.ticket.tickets;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** The ticket use cases. Saving a ticket publishes its registered events to the outbox in the same transaction. */
@Service
public class Tickets {

    private final TicketRepository repository;
    private final Clock clock;

    Tickets(TicketRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional
    public Ticket open(NewTicket details, Author author) {
        return repository.save(Ticket.open(details, author, clock.instant()));
    }

    @Transactional(readOnly = true)
    public Optional<Ticket> find(UUID id) {
        return repository.findById(id);
    }
}
