package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.TicketEvent;
import dev.ticketsms.events.TicketStatusChanged;
import dev.ticketsms.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads {@code tickets.events.v1}; a listener failure is retried by the container's error handler, never skipped. */
@Component
class TicketEventsListener {

    private static final Logger log = LoggerFactory.getLogger(TicketEventsListener.class);

    private final NotifyTeamOnTicketCreated ticketCreated;

    TicketEventsListener(NotifyTeamOnTicketCreated ticketCreated) {
        this.ticketCreated = ticketCreated;
    }

    @KafkaListener(topics = Topics.TICKET_EVENTS, concurrency = "${notifications.consumer.concurrency}")
    void on(TicketEvent event) {
        switch (event) {
            case TicketCreated created -> ticketCreated.on(created);
            case TicketStatusChanged changed ->
                    log.debug("Status change of ticket {} not notified yet", changed.ticketId());
        }
    }
}
