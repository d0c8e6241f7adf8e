package dev.ticketsms.ticket.tickets;

import dev.ticketsms.events.TicketStatus;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.ticketsms.events.TicketStatus.CLOSED;
import static dev.ticketsms.events.TicketStatus.IN_PROGRESS;
import static dev.ticketsms.events.TicketStatus.OPEN;
import static dev.ticketsms.events.TicketStatus.RESOLVED;

/**
 * Which status a ticket may move to from which: OPEN and IN_PROGRESS move anywhere, RESOLVED can be reopened
 * (IN_PROGRESS) or CLOSED, CLOSED is final. {@link TicketStatus} itself lives in the event contract, which holds
 * no rules, so the rule lives here beside the aggregate that enforces it.
 */
public final class TicketStatusWorkflow {

    private static final Map<TicketStatus, Set<TicketStatus>> MOVES = new EnumMap<>(Map.of(
            OPEN, EnumSet.of(IN_PROGRESS, RESOLVED, CLOSED),
            IN_PROGRESS, EnumSet.of(OPEN, RESOLVED, CLOSED),
            RESOLVED, EnumSet.of(IN_PROGRESS, CLOSED),
            CLOSED, EnumSet.noneOf(TicketStatus.class)));

    private TicketStatusWorkflow() {
    }

    /** The statuses a ticket in {@code from} may move to, in declaration order. */
    public static Set<TicketStatus> allowedMovesFrom(TicketStatus from) {
        return Collections.unmodifiableSet(MOVES.get(from));
    }

    static boolean allows(TicketStatus from, TicketStatus to) {
        return MOVES.get(from).contains(to);
    }
}
