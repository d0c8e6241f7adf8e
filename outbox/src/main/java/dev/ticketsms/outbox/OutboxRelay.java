package dev.ticketsms.outbox;

import org.apache.kafka.clients.producer.ProducerRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes outbox rows to Kafka in sequence order and deletes them once Kafka has acknowledged them.
 * One replica relays at a time: a round runs only while it holds a transaction-scoped PostgreSQL advisory lock,
 * so a second instance on the same database stands by instead of publishing twice. A send that fails for a reason
 * that will pass (Kafka down, timeouts) ends the round; that row and everything after it stay in the table and are
 * sent again in a later round (at-least-once, in order). A row that can never be sent ({@link SendFailure#POISON}:
 * too large, an invalid topic, unreadable headers) is moved to {@code outbox_parked_events} with the error, logged
 * and counted, and the round goes on with the rows behind it: one bad row must not stop every later event.
 * A row written inside a trace is published in an {@code outbox publish} span of that trace (from the send to Kafka's
 * acknowledgement), and its record carries that span as the consumer's parent.
 */
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };
    /** The width of outbox_parked_events.error. */
    private static final int MAX_ERROR_LENGTH = 2000;

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate transactions;
    private final OutboxProperties properties;
    private final Counter parked;
    private final StoredTraces traces;
    private final ReentrantLock round = new ReentrantLock();
    private final AtomicBoolean requested = new AtomicBoolean();

    OutboxRelay(JdbcClient jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate transactions,
                OutboxProperties properties, MeterRegistry registry, StoredTraces traces) {
        this.jdbc = jdbc;
        this.traces = traces;
        this.kafka = kafka;
        this.transactions = transactions;
        this.properties = properties;
        this.parked = Counter.builder("outbox.parked.events")
                .description("Outbox rows Kafka refused for good, moved to outbox_parked_events")
                .register(registry);
    }

    /**
     * A round: polled (the fallback), or woken by a commit ({@link OutboxWakeUp}). One round runs at a time in this
     * process; asked while one runs, it runs once more afterwards, so no commit waits for the next poll.
     */
    @Scheduled(fixedDelayString = "${outbox.poll-interval:200ms}")
    void relay() {
        requested.set(true);
        while (requested.get() && round.tryLock()) {
            try {
                requested.set(false);
                boolean fullBatchDone;
                do {
                    fullBatchDone = Boolean.TRUE.equals(transactions.execute(status -> relayOneBatch()));
                } while (fullBatchDone);
            } finally {
                round.unlock();
            }
        }
    }

    /** @return whether a full batch was published or parked, so another may be waiting */
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
        Outcome outcome = publishInOrder(rows);
        outcome.parked().forEach(this::park);
        List<Long> done = new ArrayList<>(outcome.published());
        outcome.parked().forEach(poison -> done.add(poison.row().sequence()));
        if (!done.isEmpty()) {
            jdbc.sql("DELETE FROM outbox_events WHERE sequence = ANY(?)")
                    .param(done.toArray(Long[]::new))
                    .update();
        }
        return done.size() == properties.batchSize();
    }

    /**
     * Sends the rows and returns the sequences Kafka acknowledged and the rows it refused for good, up to the first
     * temporary failure (nothing after it counts as done, so it is all sent again, in order, next round).
     */
    private Outcome publishInOrder(List<OutboxRow> rows) {
        var spans = new ArrayList<Span>(rows.size());
        try {
            return publishInOrder(rows, spans);
        } finally {
            spans.forEach(Span::end);
        }
    }

    private Outcome publishInOrder(List<OutboxRow> rows, List<Span> spans) {
        var sends = new ArrayList<CompletableFuture<?>>(rows.size());
        var parked = new ArrayList<Poison>();
        for (OutboxRow row : rows) {
            Span span = Span.NOOP;
            try {
                Map<String, String> headers = row.headers();
                String traceParent = headers.get(StoredTraces.TRACEPARENT);
                if (traceParent != null) {
                    span = traces.start("outbox publish", traceParent, Span.Kind.PRODUCER)
                            .tag("messaging.destination.name", row.topic())
                            .tag("outbox.sequence", row.sequence());
                    String published = traces.traceParent(span);
                    if (published != null) {
                        headers.put(StoredTraces.TRACEPARENT, published);
                    }
                }
                spans.add(span);
                sends.add(kafka.send(row.toRecord(headers)));
            } catch (RuntimeException e) {
                if (spans.size() == sends.size()) {
                    spans.add(span);
                }
                if (SendFailure.of(e) == SendFailure.TEMPORARY) {
                    span.error(e);
                    log.warn("Outbox relay could not hand events to Kafka; will retry: {}", describe(e));
                    break;
                }
                sends.add(CompletableFuture.failedFuture(e));
            }
        }
        var acknowledged = new ArrayList<Long>(sends.size());
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        for (int i = 0; i < sends.size(); i++) {
            OutboxRow row = rows.get(i);
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(row.sequence());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                Throwable failure = e instanceof ExecutionException ? e.getCause() : e;
                spans.get(i).error(failure);
                if (SendFailure.of(failure) == SendFailure.POISON) {
                    parked.add(new Poison(row, failure));
                    continue;
                }
                if (isKafkaNonRetriable(failure)) {
                    log.error("Outbox relay stopped at sequence {}: Kafka refuses every send ({}); will retry",
                            row.sequence(), describe(failure));
                } else {
                    log.warn("Outbox relay stopped at sequence {}; will retry: {}", row.sequence(), describe(failure));
                }
                break;
            }
        }
        return new Outcome(acknowledged, parked);
    }

    private void park(Poison poison) {
        String error = describe(poison.failure());
        jdbc.sql("""
                        INSERT INTO outbox_parked_events (sequence, event_id, aggregate_id, event_type, topic, message_key,
                                                          payload, headers, created_at, error, parked_at)
                        SELECT sequence, event_id, aggregate_id, event_type, topic, message_key,
                               payload, headers, created_at, :error, now()
                        FROM outbox_events WHERE sequence = :sequence
                        """)
                .param("error", error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error)
                .param("sequence", poison.row().sequence())
                .update();
        parked.increment();
        log.error("Outbox relay parked sequence {} (topic {}, key {}) in outbox_parked_events; Kafka will never take it: {}",
                poison.row().sequence(), poison.row().topic(), poison.row().key(), error);
    }

    /** The whole cause chain: Spring's "Send failed" says nothing, Kafka's cause under it says why. */
    private static String describe(Throwable failure) {
        var text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(text.isEmpty() ? "" : "; caused by ").append(t);
        }
        return text.toString();
    }

    private static boolean isKafkaNonRetriable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RetriableException) {
                return false;
            }
            if (t instanceof ApiException) {
                return true;
            }
        }
        return false;
    }

    private record Outcome(List<Long> published, List<Poison> parked) {
    }

    private record Poison(OutboxRow row, Throwable failure) {
    }

    private record OutboxRow(long sequence, String topic, String key, String payload, String headersJson) {

        /** @return the stored headers, modifiable; throws when they are unreadable (the row is poison) */
        Map<String, String> headers() {
            return new LinkedHashMap<>(Outbox.HEADER_JSON.readValue(headersJson, HEADERS));
        }

        ProducerRecord<String, String> toRecord(Map<String, String> headers) {
            var record = new ProducerRecord<String, String>(topic, key, payload);
            headers.forEach((name, value) ->
                    record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
            return record;
        }
    }
}
