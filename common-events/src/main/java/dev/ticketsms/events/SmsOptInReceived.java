package dev.ticketsms.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A recipient replied START (or a synonym) from {@code phoneNumber} (E.164).
 */
public record SmsOptInReceived(UUID eventId, Instant occurredAt, String phoneNumber, String keyword, String messageSid)
        implements ProfileEvent {
}
