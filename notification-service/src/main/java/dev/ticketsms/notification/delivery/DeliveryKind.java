package dev.ticketsms.notification.delivery;

/** Why an SMS is sent; also the {@code eventType} members filter on in their preferences. */
public enum DeliveryKind {
    TICKET_CREATED,
    TICKET_STATUS_CHANGED,
    /** An admin's message through {@code POST /api/sms/send}. */
    MANUAL
}
