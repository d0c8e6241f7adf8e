package dev.ticketsms.ticket.outbox;

import dev.ticketsms.events.CloudEventHeaders;
import dev.ticketsms.events.TicketEvent;
import dev.ticketsms.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stores each ticket event in the outbox table inside the transaction that changed the ticket, so an event exists
 * exactly when the change does (no dual write). The payload is the wire JSON that the relay sends unchanged.
 */
@Component
class OutboxWriter {

    /** The wire format pinned by common-events' golden files, independent of the web layer's JSON settings. */
    static final JsonMapper WIRE_JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final String source;

    OutboxWriter(JdbcClient jdbc, @Value("${spring.application.name}") String source) {
        this.jdbc = jdbc;
        this.source = source;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void store(TicketEvent event) {
        jdbc.sql("""
                        INSERT INTO outbox_events (event_id, aggregate_id, event_type, topic, message_key, payload, headers, created_at)
                        VALUES (:eventId, :aggregateId, :eventType, :topic, :key, :payload, CAST(:headers AS jsonb), now())
                        """)
                .param("eventId", event.eventId())
                .param("aggregateId", event.ticketId())
                .param("eventType", event.cloudEventType())
                .param("topic", Topics.TICKET_EVENTS)
                .param("key", event.ticketId().toString())
                .param("payload", WIRE_JSON.writeValueAsString(event))
                .param("headers", WIRE_JSON.writeValueAsString(cloudEventHeaders(event)))
                .update();
    }

    private Map<String, String> cloudEventHeaders(TicketEvent event) {
        var headers = new LinkedHashMap<String, String>();
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        headers.put(CloudEventHeaders.ID, event.eventId().toString());
        headers.put(CloudEventHeaders.TYPE, event.cloudEventType());
        headers.put(CloudEventHeaders.SOURCE, source);
        headers.put(CloudEventHeaders.TIME, event.occurredAt().toString());
        headers.put(CloudEventHeaders.SUBJECT, event.ticketId().toString());
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON);
        return headers;
    }
}
