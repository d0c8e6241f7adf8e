package dev.ticketsms.profile.profiles;

/** How a member is told about a ticket: by SMS (the default) or by email, chosen per severity in the preferences. */
public enum NotificationChannel {
    SMS,
    EMAIL
}
