package dev.ticketsms.outbox;

import dev.ticketsms.testing.EmbeddedPostgreSql;
import dev.ticketsms.testing.RecordedSpans;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay on a real Kafka and PostgreSQL: a row Kafka will never take is parked with its error and counted, and
 * the events behind it still arrive, in order; a row written inside a trace is published in that trace.
 */
@SpringBootTest(classes = OutboxRelayIntegrationTest.RelayApplication.class,
        properties = {"spring.flyway.locations=classpath:db/outbox", "outbox.poll-interval=100ms"})
@EmbeddedKafka(partitions = 1, topics = OutboxRelayIntegrationTest.TOPIC,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class OutboxRelayIntegrationTest {

    static final String TOPIC = "outbox.test.v1";

    /** Twice the producer's default max.request.size (1 MB): refused by the client before it is sent. */
    private static final String TOO_LARGE = "x".repeat(2 * 1024 * 1024);

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(OutboxConfiguration.class)
    static class RelayApplication {

        @Bean
        PrometheusMeterRegistry meterRegistry() {
            return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        }

        @Bean
        RecordedSpans recordedSpans() {
            return new RecordedSpans();
        }

        @Bean
        Tracer tracer(RecordedSpans spans) {
            return spans.tracer();
        }

        @Bean
        Propagator propagator(RecordedSpans spans) {
            return spans.propagator();
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgreSql.register(registry);
    }

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Autowired
    PrometheusMeterRegistry meters;

    @Autowired
    RecordedSpans spans;

    private TopicReader records;

    @BeforeEach
    void subscribe() {
        records = new TopicReader(kafka, TOPIC);
    }

    @AfterEach
    void close() {
        records.close();
    }

    @Test
    void aRecordTooLargeForKafkaIsParkedAndTheEventsBehindItStillArriveInOrder() {
        String key = UUID.randomUUID().toString();
        double parkedBefore = parkedCounter();
        UUID tooLarge = UUID.randomUUID();

        transactions.executeWithoutResult(status -> {
            outbox.append(message(key, UUID.randomUUID(), "first"));
            outbox.append(message(key, tooLarge, TOO_LARGE));
            outbox.append(message(key, UUID.randomUUID(), "third"));
            outbox.append(message(key, UUID.randomUUID(), "fourth"));
        });

        assertThat(records.valuesFor(key, 3)).containsExactly("first", "third", "fourth");
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxRows() == 0);
        var parked = jdbc.sql("SELECT payload, error FROM outbox_parked_events WHERE event_id = ?").param(tooLarge)
                .query((rs, n) -> Map.of("payload", rs.getString("payload"), "error", rs.getString("error")))
                .single();
        assertThat(parked.get("payload")).isEqualTo(TOO_LARGE);
        assertThat(parked.get("error")).contains("RecordTooLargeException");
        assertThat(parkedCounter()).isEqualTo(parkedBefore + 1);
        assertThat(meters.scrape())
                .contains("outbox_parked_events_total ")
                .containsPattern("(?m)^outbox_parked_rows [1-9]");
    }

    @Test
    void aRowWithHeadersThatAreNotNamesAndValuesIsParkedAndTheNextOneIsSent() {
        String key = UUID.randomUUID().toString();
        UUID broken = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            // what a hand-edited or half-migrated row could hold: valid JSON, but not a header map
            jdbc.sql("""
                            INSERT INTO outbox_events (event_id, aggregate_id, event_type, topic, message_key, payload, headers, created_at)
                            VALUES (?, ?, 'test.v1', ?, ?, 'broken', CAST('["not", "headers"]' AS jsonb), now())
                            """)
                    .params(broken, key, TOPIC, key).update();
            outbox.append(message(key, UUID.randomUUID(), "after the broken one"));
        });

        assertThat(records.valuesFor(key, 1)).containsExactly("after the broken one");
        await().atMost(Duration.ofSeconds(10)).until(() -> parkedRows(broken) == 1);
    }

    @Test
    void aRowWrittenInsideATraceIsPublishedInThatTraceAndOneWrittenOutsideCarriesNone() {
        String key = UUID.randomUUID().toString();
        Tracer tracer = spans.tracer();
        Span request = tracer.nextSpan().name("POST /api/tickets").start();
        try (var ignored = tracer.withSpan(request)) {
            transactions.executeWithoutResult(status -> outbox.append(message(key, UUID.randomUUID(), "traced")));
        } finally {
            request.end();
        }
        transactions.executeWithoutResult(status -> outbox.append(message(key, UUID.randomUUID(), "untraced")));

        List<ConsumerRecord<String, String>> published = records.recordsFor(key, 2);
        assertThat(published).extracting(ConsumerRecord::value).containsExactly("traced", "untraced");
        assertThat(published.get(1).headers().lastHeader(StoredTraces.TRACEPARENT)).isNull();
        String[] traceParent = header(published.getFirst(), StoredTraces.TRACEPARENT).split("-");
        String traceId = request.context().traceId();
        assertThat(traceParent[1]).isEqualTo(traceId);
        await().atMost(Duration.ofSeconds(10)).until(() -> spans.ofTrace(traceId).size() == 2);
        SpanData publish = spans.ofTrace(traceId).stream().filter(span -> span.getName().equals("outbox publish"))
                .findFirst().orElseThrow();
        assertThat(publish.getParentSpanId()).isEqualTo(request.context().spanId());
        // the consumer's span will be a child of the publishing span, not of the request
        assertThat(traceParent[2]).isEqualTo(publish.getSpanId());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static OutboxMessage message(String key, UUID eventId, String payload) {
        return new OutboxMessage(eventId, key, "test.v1", TOPIC, key, payload, Map.of("ce_id", eventId.toString()));
    }




    private long outboxRows() {
        return jdbc.sql("SELECT count(*) FROM outbox_events").query(Long.class).single();
    }

    private long parkedRows(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM outbox_parked_events WHERE event_id = ?").param(eventId)
                .query(Long.class).single();
    }

    private double parkedCounter() {
        var counter = meters.find("outbox.parked.events").counter();
        return counter == null ? 0 : counter.count();
    }
}
