package dev.ticketsms.ticket.tickets;

import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.TicketStatusChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code tickets_opened_total{severity}} (not "created": Prometheus reserves the _created suffix) and {@code tickets_status_changes_total{severity, to_status}}, counted
 * once the change is committed, so a rolled-back change is not counted.
 */
@Component
class TicketMetrics {

    private final MeterRegistry registry;

    TicketMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @TransactionalEventListener
    void on(TicketCreated created) {
        Counter.builder("tickets.opened").description("Tickets opened")
                .tag("severity", created.severity().name())
                .register(registry).increment();
    }

    @TransactionalEventListener
    void on(TicketStatusChanged changed) {
        Counter.builder("tickets.status.changes").description("Ticket status changes (same-status requests excluded)")
                .tag("severity", changed.severity().name())
                .tag("to_status", changed.toStatus().name())
                .register(registry).increment();
    }
}
