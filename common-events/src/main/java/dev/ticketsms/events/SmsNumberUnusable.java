package dev.ticketsms.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Twilio refused {@code phoneNumber} (E.164) for good, e.g. {@code errorCode} "21211" invalid or "21614" not a
 * mobile number; {@code reason} is the human explanation. Texting it again would fail the same way.
 */
public record SmsNumberUnusable(UUID eventId, Instant occurredAt, String phoneNumber, String errorCode, String reason)
        implements ProfileEvent {
}
