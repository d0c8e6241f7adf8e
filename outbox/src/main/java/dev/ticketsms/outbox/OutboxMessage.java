package dev.ticketsms.outbox;

import dev.ticketsms.events.CloudEventHeaders;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One record to publish: the exact wire JSON and headers Kafka will carry.
 *
 * @param eventId     idempotency key of the event; unique in the outbox
 * @param aggregateId the aggregate whose change produced the event (diagnostics, tests)
 * @param eventType   CloudEvents type, e.g. {@code ticket.created.v1}
 * @param topic       Kafka topic
 * @param key         Kafka key; records with the same key keep their order
 * @param payload     the record value, JSON
 * @param headers     record headers, UTF-8 strings
 */
public record OutboxMessage(UUID eventId, String aggregateId, String eventType, String topic, String key,
                            String payload, Map<String, String> headers) {

    public OutboxMessage {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        headers = Map.copyOf(headers);
    }

    /**
     * A record in CloudEvents' Kafka binary mode: the JSON is the value, the context attributes are {@code ce_} headers.
     *
     * @param subject what the event is about (ce_subject), e.g. the ticket id
     */
    public static OutboxMessage cloudEvent(String topic, String key, UUID eventId, String eventType, Instant time,
                                           String source, String subject, String json) {
        var headers = new LinkedHashMap<String, String>();
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        headers.put(CloudEventHeaders.ID, eventId.toString());
        headers.put(CloudEventHeaders.TYPE, eventType);
        headers.put(CloudEventHeaders.SOURCE, source);
        headers.put(CloudEventHeaders.TIME, time.toString());
        headers.put(CloudEventHeaders.SUBJECT, subject);
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON);
        return new OutboxMessage(eventId, subject, eventType, topic, key, json, headers);
    }
}
