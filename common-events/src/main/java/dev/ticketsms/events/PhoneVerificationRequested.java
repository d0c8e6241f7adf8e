package dev.ticketsms.events;

import java.time.Instant;
import java.util.UUID;

/**
 * User {@code userId} saved {@code phoneNumber} (E.164) and must prove they own it: notification-service texts
 * {@code code} to that number, through the same Twilio path as every other SMS, unless {@code expiresAt} has passed.
 * The only event that carries a secret: the topic is internal, profile-service keeps nothing but a hash of the code,
 * and consumers must never log it. Keyed by the phone number, like the other events about a number.
 */
public record PhoneVerificationRequested(UUID eventId, Instant occurredAt, String userId, String phoneNumber,
                                         String code, Instant expiresAt) implements ProfileEvent {
}
