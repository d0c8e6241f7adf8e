package dev.ticketsms.notification.numbers;

import dev.ticketsms.events.ProfileEvent;
import dev.ticketsms.events.Topics;
import dev.ticketsms.outbox.Outbox;
import dev.ticketsms.outbox.OutboxMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** Stores a profile event about a phone number in the outbox, keyed by that number so its events stay in order. */
@Component
class ProfileEventsOutbox {

    /** The wire format pinned by common-events' golden files, independent of the web layer's JSON settings. */
    private static final ObjectWriter WIRE_JSON = JsonMapper.builder().build().writerFor(ProfileEvent.class);

    private final Outbox outbox;
    private final String source;

    ProfileEventsOutbox(Outbox outbox, @Value("${spring.application.name}") String source) {
        this.outbox = outbox;
        this.source = source;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void append(ProfileEvent event, String phoneNumber) {
        outbox.append(OutboxMessage.cloudEvent(Topics.PROFILE_EVENTS, phoneNumber, event.eventId(),
                event.cloudEventType(), event.occurredAt(), source, phoneNumber, WIRE_JSON.writeValueAsString(event)));
    }
}
