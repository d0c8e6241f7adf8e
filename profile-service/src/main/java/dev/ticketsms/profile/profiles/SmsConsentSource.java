package dev.ticketsms.profile.profiles;

/** How SMS was switched on or off: the settings page, a reply to one of our texts (STOP/START), or an admin. */
public enum SmsConsentSource {
    WEB,
    SMS,
    ADMIN
}
