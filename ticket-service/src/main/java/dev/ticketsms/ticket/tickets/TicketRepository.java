package dev.ticketsms.ticket.tickets;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

interface TicketRepository extends JpaRepository<Ticket, UUID> {
}
