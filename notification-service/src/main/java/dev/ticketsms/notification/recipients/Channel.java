package dev.ticketsms.notification.recipients;

/** How a member hears of a ticket: by SMS, or by email (as they chose for its severity in profile-service). */
public enum Channel {
    SMS,
    EMAIL
}
