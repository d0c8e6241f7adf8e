package dev.ticketsms.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What ops watch to see events pile up (Kafka down, relay stuck): how many are waiting and how old the oldest is;
 * and how many rows were parked because Kafka will never take them (alert on any). Read from the tables at scrape
 * time, so every replica reports the same truth.
 */
class OutboxBacklog {

    private final JdbcClient jdbc;

    OutboxBacklog(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        Gauge.builder("outbox.backlog.events", this, OutboxBacklog::events)
                .description("Events stored in the outbox and not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("outbox.backlog.oldest.age", this, OutboxBacklog::oldestAgeSeconds)
                .description("Age of the oldest unpublished event; 0 when the outbox is empty")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("outbox.parked.rows", this, OutboxBacklog::parkedRows)
                .description("Rows in outbox_parked_events: refused by Kafka for good, waiting for an operator")
                .register(registry);
    }

    double events() {
        return jdbc.sql("SELECT count(*) FROM outbox_events").query(Long.class).single();
    }

    double parkedRows() {
        return jdbc.sql("SELECT count(*) FROM outbox_parked_events").query(Long.class).single();
    }

    double oldestAgeSeconds() {
        return jdbc.sql("SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0) FROM outbox_events")
                .query(Double.class).single();
    }
}
