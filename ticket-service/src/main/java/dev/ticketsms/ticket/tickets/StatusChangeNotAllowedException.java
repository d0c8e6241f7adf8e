package dev.ticketsms.ticket.tickets;

import dev.ticketsms.events.TicketStatus;

import java.util.Set;
import java.util.stream.Collectors;

/** A ticket was asked to move to a status its workflow does not allow from where it is. */
public class StatusChangeNotAllowedException extends RuntimeException {

    private final TicketStatus from;
    private final TicketStatus to;

    StatusChangeNotAllowedException(TicketStatus from, TicketStatus to) {
        super(message(from, to));
        this.from = from;
        this.to = to;
    }

    public TicketStatus from() {
        return from;
    }

    public TicketStatus to() {
        return to;
    }

    public Set<TicketStatus> allowed() {
        return TicketStatusWorkflow.allowedMovesFrom(from);
    }

    private static String message(TicketStatus from, TicketStatus to) {
        Set<TicketStatus> allowed = TicketStatusWorkflow.allowedMovesFrom(from);
        String moves = allowed.isEmpty() ? "it is final"
                : "allowed: " + allowed.stream().map(Enum::name).collect(Collectors.joining(", "));
        return "A " + from + " ticket cannot move to " + to + "; " + moves;
    }
}
