package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.Severity;
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
 * @param severity    the ticket's severity, as the recipient lookup was asked; null for a manual message
 * @param category    the ticket's category, as the recipient lookup was asked; null for a manual message
 */
record OutgoingSms(UUID eventId, DeliveryKind kind, UUID ticketId, UUID teamId, Instant occurredAt, String requestedBy,
                   SmsBody body, Severity severity, String category) {

    /** An admin's message: no ticket, no lookup filters. */
    static OutgoingSms manual(UUID requestId, UUID teamId, Instant requestedAt, String requestedBy, SmsBody body) {
        return new OutgoingSms(requestId, DeliveryKind.MANUAL, null, teamId, requestedAt, requestedBy, body, null, null);
    }
}
