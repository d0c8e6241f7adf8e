package dev.ticketsms.ticket.tickets;

import java.util.UUID;

/** The caller's copy of a ticket is older than the stored one, so their change would overwrite one they never saw. */
public class StaleTicketVersionException extends RuntimeException {

    private final long currentVersion;

    StaleTicketVersionException(UUID ticketId, long expectedVersion, long currentVersion) {
        super("Ticket " + ticketId + " is at version " + currentVersion + ", not " + expectedVersion);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
