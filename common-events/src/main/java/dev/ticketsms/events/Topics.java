package dev.ticketsms.events;

/** Kafka topic names; the {@code .v1} suffix changes when the wire format breaks. */
public final class Topics {

    /** {@link TicketEvent}s, keyed by ticket id; 12 partitions. */
    public static final String TICKET_EVENTS = "tickets.events.v1";

    /** Ticket event records no consumer could read, with the reason in headers. */
    public static final String TICKET_EVENTS_DLT = TICKET_EVENTS + "-dlt";

    /** {@link ProfileEvent}s. */
    public static final String PROFILE_EVENTS = "profiles.events.v1";

    private Topics() {
    }
}
