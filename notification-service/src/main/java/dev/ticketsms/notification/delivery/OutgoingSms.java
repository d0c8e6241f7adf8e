package dev.ticketsms.notification.delivery;

import dev.ticketsms.notification.templates.SmsBody;

import java.time.Instant;
import java.util.UUID;

/**
 * One message to a set of recipients.
 *
 * @param eventId     the idempotency key: a ticket event's id, or a manual request's id
 * @param ticketId    the ticket it is about; null for a manual message
 * @param teamId      the team it goes to; null for a manual message to chosen users
 * @param occurredAt  when the event happened, to measure how long it took to reach Twilio
 * @param requestedBy who asked for a manual message; null for ticket events
 */
record OutgoingSms(UUID eventId, DeliveryKind kind, UUID ticketId, UUID teamId, Instant occurredAt, String requestedBy,
                   SmsBody body) {
}
