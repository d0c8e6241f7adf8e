package dev.ticketsms.profile.profiles;

import dev.ticketsms.events.PhoneVerificationRequested;
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

/**
 * Hands a code to notification-service, which texts it (this service never sends SMS): the event goes to the
 * outbox in the transaction that stored the code's hash, keyed by the number like the other events about a number.
 */
@Component
class PhoneVerificationEvents {

    /** The wire format pinned by common-events' golden files, independent of the web layer's JSON settings. */
    private static final ObjectWriter WIRE_JSON = JsonMapper.builder().build().writerFor(ProfileEvent.class);

    private final Outbox outbox;

    private final String source;

    PhoneVerificationEvents(Outbox outbox, @Value("${spring.application.name}") String source) {
        this.outbox = outbox;
        this.source = source;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void publish(PhoneVerificationRequested event) {
        outbox.append(OutboxMessage.cloudEvent(Topics.PROFILE_EVENTS, event.phoneNumber(), event.eventId(),
                event.cloudEventType(), event.occurredAt(), source, event.userId(), WIRE_JSON.writeValueAsString(event)));
    }
}
