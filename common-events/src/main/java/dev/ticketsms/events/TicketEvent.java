package dev.ticketsms.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to a ticket, as published on {@link Topics#TICKET_EVENTS} keyed by {@link #ticketId()}.
 * The JSON {@code type} property names the event; golden files in the tests pin the wire format.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TicketCreated.class, name = "TicketCreated"),
        @JsonSubTypes.Type(value = TicketStatusChanged.class, name = "TicketStatusChanged")
})
public sealed interface TicketEvent permits TicketCreated, TicketStatusChanged {

    /** The idempotency key: a consumer that has seen it skips the event. */
    UUID eventId();

    Instant occurredAt();

    UUID ticketId();

    UUID teamId();

    /** Grows with every change of the ticket, so consumers can drop stale or replayed events. */
    long ticketVersion();

    /** The CloudEvents {@code ce_type} of this event. */
    default String cloudEventType() {
        return switch (this) {
            case TicketCreated ignored -> "ticket.created.v1";
            case TicketStatusChanged ignored -> "ticket.status-changed.v1";
        };
    }
}
