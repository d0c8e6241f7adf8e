package dev.ticketsms.notification.delivery;

/** Why a row waits in HELD. */
enum HoldReason {
    /** The recipient is in their quiet hours. */
    QUIET_HOURS,
    /** The recipient had as many SMS about this ticket as {@code per-ticket-window} allows. */
    TICKET_LIMIT
}
