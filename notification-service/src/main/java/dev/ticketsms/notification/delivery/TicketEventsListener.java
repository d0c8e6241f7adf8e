package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.TicketEvent;
import dev.ticketsms.events.TicketStatusChanged;
import dev.ticketsms.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code tickets.events.v1} (concurrency by configuration; the topic has 12 partitions). An event is marked
 * handled once its SMS are claimed in the ledger and queued in its ticket's sending lane ({@link SendingLanes}): the
 * consumer does not wait for Twilio. A listener failure is retried by the container's error handler, never skipped.
 */
@Component
class TicketEventsListener {

    static final String LISTENER_ID = "ticket-events";

    private static final Logger log = LoggerFactory.getLogger(TicketEventsListener.class);

    private final NotifyTeamOnTicketCreated ticketCreated;
    private final NotifyTeamOnStatusChanged statusChanged;
    private final HandledEvents handled;
    private final DeliveryMetrics metrics;
    private final FollowUps followUps;

    TicketEventsListener(NotifyTeamOnTicketCreated ticketCreated, NotifyTeamOnStatusChanged statusChanged,
                         HandledEvents handled, DeliveryMetrics metrics, FollowUps followUps) {
        this.ticketCreated = ticketCreated;
        this.statusChanged = statusChanged;
        this.handled = handled;
        this.metrics = metrics;
        this.followUps = followUps;
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.TICKET_EVENTS, concurrency = "${notifications.consumer.concurrency}")
    void on(TicketEvent event) {
        TicketEventRules.check(event);
        if (handled.alreadyHandled(event.eventId())) {
            metrics.eventSkipped("duplicate");
            log.debug("Event {} of ticket {} was handled already", event.eventId(), event.ticketId());
            return;
        }
        switch (event) {
            case TicketCreated created -> {
                followUps.track(created);
                ticketCreated.on(created);
            }
            case TicketStatusChanged changed when handled.supersededAt(changed.ticketId(), changed.ticketVersion()) -> {
                metrics.eventSkipped("stale");
                log.info("Status change {} of ticket {} (version {}) arrived after a newer one; not announced",
                        changed.eventId(), changed.ticketId(), changed.ticketVersion());
            }
            case TicketStatusChanged changed -> {
                followUps.track(changed);
                statusChanged.on(changed);
            }
        }
        handled.markHandled(event);
    }
}
