package dev.ticketsms.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores messages in the {@code outbox_events} table inside the caller's transaction, so a message exists exactly
 * when the change that caused it does (no dual write). {@link OutboxRelay} publishes them, woken by a notification
 * sent at commit.
 */
public class Outbox {

    static final JsonMapper HEADER_JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run inside the transaction that makes the change; fails otherwise rather than publishing a phantom. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(OutboxMessage message) {
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
                .param("headers", HEADER_JSON.writeValueAsString(message.headers()))
                .update();
        // delivered at commit, and once per transaction however many rows it appends: wakes the relay (OutboxWakeUp)
        jdbc.sql("NOTIFY " + OutboxWakeUp.CHANNEL).update();
    }
}
