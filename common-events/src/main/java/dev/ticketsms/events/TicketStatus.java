package dev.ticketsms.events;

public enum TicketStatus {
    OPEN, IN_PROGRESS, RESOLVED, CLOSED
}
