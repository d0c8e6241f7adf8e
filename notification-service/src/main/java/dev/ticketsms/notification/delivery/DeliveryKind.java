package dev.ticketsms.notification.delivery;

/** Why an SMS is sent; also the {@code eventType} members filter on in their preferences. */
public enum DeliveryKind {
    TICKET_CREATED,
    TICKET_STATUS_CHANGED,
    /** An admin's message through {@code POST /api/sms/send}. */
    MANUAL,
    /** One SMS for a member's ticket updates held during their quiet hours or beyond a ticket's SMS limit. */
    HELD_SUMMARY,
    /** The one-time code that proves a user owns the number they saved. */
    PHONE_VERIFICATION;

    /** Whether the message is about a ticket event (and members' preferences filter it by this kind). */
    boolean isTicketEvent() {
        return this == TICKET_CREATED || this == TICKET_STATUS_CHANGED;
    }
}
