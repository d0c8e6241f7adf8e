package dev.ticketsms.events;

import java.time.Instant;
import java.util.UUID;

public record TeamMemberAdded(UUID eventId, Instant occurredAt, UUID teamId, String userId) implements ProfileEvent {
}
