package dev.ticketsms.ticket.outbox;

import dev.ticketsms.events.TicketEvent;
import dev.ticketsms.events.Topics;
import dev.ticketsms.outbox.Outbox;
import dev.ticketsms.outbox.OutboxMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores each event the {@code Ticket} aggregate registers in the outbox, inside the transaction that changed the
 * ticket, keyed by ticket id so one ticket's events stay in order on the topic.
 */
@Component
class OutboxWriter {

    /** The wire format pinned by common-events' golden files, independent of the web layer's JSON settings. */
    private static final JsonMapper WIRE_JSON = JsonMapper.builder().build();

    private final Outbox outbox;
    private final String source;

    OutboxWriter(Outbox outbox, @Value("${spring.application.name}") String source) {
        this.outbox = outbox;
        this.source = source;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void store(TicketEvent event) {
        String ticketId = event.ticketId().toString();
        outbox.append(OutboxMessage.cloudEvent(Topics.TICKET_EVENTS, ticketId, event.eventId(), event.cloudEventType(),
                event.occurredAt(), source, ticketId, WIRE_JSON.writeValueAsString(event)));
    }
}
