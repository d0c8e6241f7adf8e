package dev.ticketsms.profile.profiles;

/**
 * How SMS was switched on or off: the settings page, a reply to one of our texts (STOP/START), or an admin; or
 * how the user confirmed a number is theirs: by typing the code texted to it.
 */
public enum SmsConsentSource {
    WEB,
    SMS,
    ADMIN,
    VERIFICATION
}
