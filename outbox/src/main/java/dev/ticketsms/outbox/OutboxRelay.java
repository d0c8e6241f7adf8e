package dev.ticketsms.outbox;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka in sequence order and deletes them once Kafka has acknowledged them.
 * One replica relays at a time: a round runs only while it holds a transaction-scoped PostgreSQL advisory lock,
 * so a second instance on the same database stands by instead of publishing twice. A failed send ends the round;
 * that row and everything after it stay in the table and are sent again in a later round (at-least-once, in order).
 */
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate transactions;
    private final OutboxProperties properties;

    OutboxRelay(JdbcClient jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate transactions,
                OutboxProperties properties) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.transactions = transactions;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${outbox.poll-interval:200ms}")
    void relay() {
        boolean fullBatchSent;
        do {
            fullBatchSent = Boolean.TRUE.equals(transactions.execute(status -> relayOneBatch()));
        } while (fullBatchSent);
    }

    /** @return whether a full batch went out, so another may be waiting */
    private boolean relayOneBatch() {
        if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(properties.lockKey()).query(Boolean.class).single()) {
            return false;
        }
        List<OutboxRow> rows = jdbc.sql("""
                        SELECT sequence, topic, message_key, payload, headers FROM outbox_events
                        ORDER BY sequence LIMIT ?
                        """)
                .param(properties.batchSize())
                .query((rs, n) -> new OutboxRow(rs.getLong("sequence"), rs.getString("topic"),
                        rs.getString("message_key"), rs.getString("payload"), rs.getString("headers")))
                .list();
        if (rows.isEmpty()) {
            return false;
        }
        List<Long> published = publishInOrder(rows);
        if (!published.isEmpty()) {
            jdbc.sql("DELETE FROM outbox_events WHERE sequence = ANY(?)")
                    .param(published.toArray(Long[]::new))
                    .update();
        }
        return published.size() == properties.batchSize();
    }

    /** Sends the rows and returns the sequences of the acknowledged prefix. */
    private List<Long> publishInOrder(List<OutboxRow> rows) {
        var sends = new ArrayList<CompletableFuture<?>>(rows.size());
        try {
            for (OutboxRow row : rows) {
                sends.add(kafka.send(row.toRecord()));
            }
        } catch (RuntimeException e) {
            log.warn("Outbox relay could not hand events to Kafka; will retry: {}", e.toString());
        }
        var acknowledged = new ArrayList<Long>(sends.size());
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(rows.get(i).sequence());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                log.warn("Outbox relay stopped at sequence {}; will retry: {}", rows.get(i).sequence(), e.toString());
                break;
            }
        }
        return acknowledged;
    }

    private record OutboxRow(long sequence, String topic, String key, String payload, String headersJson) {

        ProducerRecord<String, String> toRecord() {
            var record = new ProducerRecord<String, String>(topic, key, payload);
            Map<String, String> headers = Outbox.HEADER_JSON.readValue(headersJson, HEADERS);
            headers.forEach((name, value) ->
                    record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
            return record;
        }
    }
}
