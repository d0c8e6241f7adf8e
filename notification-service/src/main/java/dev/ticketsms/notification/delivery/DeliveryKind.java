package dev.ticketsms.notification.delivery;

/** Why an SMS is sent; also decides which of a member's event-type preferences it is filtered by. */
public enum DeliveryKind {
    TICKET_CREATED,
    TICKET_STATUS_CHANGED,
    /** An OPEN or IN_PROGRESS ticket nobody changed for the severity's reminder interval ({@code FollowUps}). */
    TICKET_REMINDER,
    /** A CRITICAL ticket still OPEN after the escalation interval: to the next person on the team's escalation list. */
    TICKET_ESCALATION,
    /** An admin's message through {@code POST /api/sms/send}. */
    MANUAL,
    /** One SMS for a member's ticket updates held during their quiet hours or beyond a ticket's SMS limit. */
    HELD_SUMMARY,
    /** The one-time code that proves a user owns the number they saved. */
    PHONE_VERIFICATION;

    /**
     * Whether the message is a team's news about a ticket: members' preferences filter it and it counts toward the
     * ticket's per-member limit. Not an escalation: it goes to one chosen person, through their quiet hours.
     */
    boolean isTicketEvent() {
        return this == TICKET_CREATED || this == TICKET_STATUS_CHANGED || this == TICKET_REMINDER;
    }

    /** The event type profile-service filters members by: a reminder is an update on the ticket. */
    String preferenceEventType() {
        return this == TICKET_REMINDER ? TICKET_STATUS_CHANGED.name() : name();
    }
}
