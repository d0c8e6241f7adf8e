package dev.ticketsms.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A recipient replied STOP (or a synonym) to {@code phoneNumber} (E.164); {@code messageSid} is Twilio's id of that reply.
 */
public record SmsOptOutReceived(UUID eventId, Instant occurredAt, String phoneNumber, String keyword, String messageSid)
        implements ProfileEvent {
}
