package dev.ticketsms.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;

/**
 * Stores messages in the {@code outbox_events} table inside the caller's transaction, so a message exists exactly
 * when the change that caused it does (no dual write). {@link OutboxRelay} publishes them, woken by a notification
 * sent at commit. The current trace goes with the row ({@code traceparent} header), so the record continues the
 * trace of the request that wrote it.
 */
public class Outbox {

    static final JsonMapper HEADER_JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final StoredTraces traces;

    Outbox(JdbcClient jdbc, StoredTraces traces) {
        this.jdbc = jdbc;
        this.traces = traces;
    }

    /** Must run inside the transaction that makes the change; fails otherwise rather than publishing a phantom. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(OutboxMessage message) {
        var headers = new LinkedHashMap<>(message.headers());
        String traceParent = traces.current();
        if (traceParent != null) {
            headers.putIfAbsent(StoredTraces.TRACEPARENT, traceParent);
        }
        jdbc.sql("""
                        INSERT INTO outbox_events (event_id, aggregate_id, event_type, topic, message_key, payload, headers, created_at)
                        VALUES (:eventId, :aggregateId, :eventType, :topic, :key, :payload, CAST(:headers AS jsonb), now())
                        """)
                .param("eventId", message.eventId())
                .param("aggregateId", message.aggregateId())
                .param("eventType", message.eventType())
                .param("topic", message.topic())
                .param("key", message.key())
                .param("payload", message.payload())
                .param("headers", HEADER_JSON.writeValueAsString(headers))
                .update();
        // delivered at commit, and once per transaction however many rows it appends: wakes the relay (OutboxWakeUp)
        jdbc.sql("NOTIFY " + OutboxWakeUp.CHANNEL).update();
    }
}
