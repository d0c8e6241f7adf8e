package dev.ticketsms.notification.delivery;

/** Why a row waits in HELD. */
enum HoldReason {
    /** The recipient is in their quiet hours. */
    QUIET_HOURS,
    /** The recipient had as many SMS about this ticket as {@code per-ticket-window} allows. */
    TICKET_LIMIT,
    /**
     * A status change waits {@code coalesce-window}: the ticket's further changes meanwhile go out with it as one SMS.
     */
    COALESCING
}
