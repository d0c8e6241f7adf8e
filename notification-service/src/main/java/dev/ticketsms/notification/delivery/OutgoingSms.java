package dev.ticketsms.notification.delivery;

import dev.ticketsms.events.PhoneVerificationRequested;
import dev.ticketsms.events.Severity;
import dev.ticketsms.events.TicketCreated;
import dev.ticketsms.events.TicketEvent;
import dev.ticketsms.events.TicketStatus;
import dev.ticketsms.events.TicketStatusChanged;
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
 * @param ticket      the ticket's title and the status this event left it in, for a quiet-hours summary; null for
 *                    other messages
 * @param expiresAt   after this it must not be sent (a verification code); null: no expiry
 */
record OutgoingSms(UUID eventId, DeliveryKind kind, UUID ticketId, UUID teamId, Instant occurredAt, String requestedBy,
                   SmsBody body, Severity severity, String category, TicketState ticket, Instant expiresAt) {

    OutgoingSms(UUID eventId, DeliveryKind kind, UUID ticketId, UUID teamId, Instant occurredAt, String requestedBy,
                SmsBody body, Severity severity, String category, TicketState ticket) {
        this(eventId, kind, ticketId, teamId, occurredAt, requestedBy, body, severity, category, ticket, null);
    }

    /** The code that verifies a user's new number. */
    static OutgoingSms verification(PhoneVerificationRequested request, SmsBody body) {
        return new OutgoingSms(request.eventId(), DeliveryKind.PHONE_VERIFICATION, null, null, request.occurredAt(),
                null, body, null, null, null, request.expiresAt());
    }

    /** What a quiet-hours summary says of a ticket. */
    record TicketState(String title, TicketStatus status) {
    }

    static OutgoingSms about(TicketEvent event, DeliveryKind kind, SmsBody body) {
        return switch (event) {
            case TicketCreated created -> new OutgoingSms(event.eventId(), kind, event.ticketId(), event.teamId(),
                    event.occurredAt(), null, body, created.severity(), created.category(),
                    new TicketState(created.title(), TicketStatus.OPEN));
            case TicketStatusChanged changed -> new OutgoingSms(event.eventId(), kind, event.ticketId(), event.teamId(),
                    event.occurredAt(), null, body, changed.severity(), changed.category(),
                    new TicketState(changed.title(), changed.toStatus()));
        };
    }

    /** An admin's message: no ticket, no lookup filters. */
    static OutgoingSms manual(UUID requestId, UUID teamId, Instant requestedAt, String requestedBy, SmsBody body) {
        return new OutgoingSms(requestId, DeliveryKind.MANUAL, null, teamId, requestedAt, requestedBy, body, null, null, null);
    }
}
