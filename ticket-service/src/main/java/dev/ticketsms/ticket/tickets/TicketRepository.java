package dev.ticketsms.ticket.tickets;

import dev.ticketsms.events.TicketStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

interface TicketRepository extends JpaRepository<Ticket, UUID> {

    Page<Ticket> findByTeamIdIn(Collection<UUID> teams, Pageable page);

    Page<Ticket> findByTeamIdInAndStatus(Collection<UUID> teams, TicketStatus status, Pageable page);

    Page<Ticket> findByStatus(TicketStatus status, Pageable page);

    Optional<Ticket> findByNumber(long number);

    /** The next ticket number, taken before the ticket is built so its TicketCreated can carry it. */
    @Query(value = "SELECT nextval('ticket_numbers')", nativeQuery = true)
    long nextNumber();
}
