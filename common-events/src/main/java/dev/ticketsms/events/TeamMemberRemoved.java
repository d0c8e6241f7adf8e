package dev.ticketsms.events;

import java.time.Instant;
import java.util.UUID;

public record TeamMemberRemoved(UUID eventId, Instant occurredAt, UUID teamId, String userId) implements ProfileEvent {
}
