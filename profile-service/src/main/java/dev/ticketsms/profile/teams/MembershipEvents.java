package dev.ticketsms.profile.teams;

import dev.ticketsms.events.ProfileEvent;
import dev.ticketsms.events.TeamMemberAdded;
import dev.ticketsms.events.TeamMemberRemoved;
import dev.ticketsms.events.Topics;
import dev.ticketsms.outbox.Outbox;
import dev.ticketsms.outbox.OutboxMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores membership events in the outbox inside the transaction that changed the membership, keyed by team id so
 * one team's changes stay in order on {@code profiles.events.v1} (ticket-service keeps a replica from them).
 */
@Component
class MembershipEvents {

    /** The wire format pinned by common-events' golden files, independent of the web layer's JSON settings. */
    private static final JsonMapper WIRE_JSON = JsonMapper.builder().build();

    private final Outbox outbox;

    private final String source;

    MembershipEvents(Outbox outbox, @Value("${spring.application.name}") String source) {
        this.outbox = outbox;
        this.source = source;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void publish(ProfileEvent event) {
        String teamId = switch (event) {
            case TeamMemberAdded added -> added.teamId().toString();
            case TeamMemberRemoved removed -> removed.teamId().toString();
            default -> throw new IllegalArgumentException("not a membership event: " + event.cloudEventType());
        };
        outbox.append(OutboxMessage.cloudEvent(Topics.PROFILE_EVENTS, teamId, event.eventId(), event.cloudEventType(),
                event.occurredAt(), source, teamId, WIRE_JSON.writeValueAsString(event)));
    }
}
