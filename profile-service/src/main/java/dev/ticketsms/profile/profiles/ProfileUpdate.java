package dev.ticketsms.profile.profiles;

/**
 * What the caller asks to store; a null phoneNumber removes the number, a null opt-in keeps the current one,
 * null preferences keep the current ones; {@code changeEmail} false keeps the email address, true sets
 * {@code email} (null removes it).
 */
record ProfileUpdate(String userId, String displayName, PhoneNumber phoneNumber, Boolean smsNotificationsEnabled,
                     NotificationPreferences preferences, boolean changeEmail, EmailAddress email) {

    ProfileUpdate(String userId, String displayName, PhoneNumber phoneNumber, Boolean smsNotificationsEnabled,
                  NotificationPreferences preferences) {
        this(userId, displayName, phoneNumber, smsNotificationsEnabled, preferences, false, null);
    }
}
