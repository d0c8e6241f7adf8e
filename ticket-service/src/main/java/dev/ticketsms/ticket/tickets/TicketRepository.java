package dev.ticketsms.ticket.tickets;

import dev.ticketsms.events.TicketStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Collection;
import java.util.UUID;

interface TicketRepository extends JpaRepository<Ticket, UUID> {

    Page<Ticket> findByTeamIdIn(Collection<UUID> teams, Pageable page);

    Page<Ticket> findByTeamIdInAndStatus(Collection<UUID> teams, TicketStatus status, Pageable page);

    Page<Ticket> findByStatus(TicketStatus status, Pageable page);
}
