package dev.ticketsms.profile.profiles;

/** The ticket events a member can choose to be texted about; the names notification-service sends as eventType. */
public enum TicketEventType {
    TICKET_CREATED,
    TICKET_STATUS_CHANGED
}
